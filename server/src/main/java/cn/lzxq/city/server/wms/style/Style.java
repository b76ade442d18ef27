package cn.lzxq.city.server.wms.style;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A named style: feature type styles drawn one after the other (each a full pass over the features,
 * so a later pass draws on top), each a list of rules.
 *
 * @param name the STYLES name ({@code cjj61}, {@code material}…)
 * @param titleZh Chinese title
 * @param abstractEn English description for capabilities
 * @param passes the feature type styles, in drawing order
 */
public record Style(String name, String titleZh, String abstractEn, List<List<Rule>> passes) {

  public Style {
    passes = passes.stream().map(List::copyOf).toList();
  }

  /** A style with one feature type style. */
  public static Style of(String name, String titleZh, String abstractEn, List<Rule> rules) {
    return new Style(name, titleZh, abstractEn, List.of(rules));
  }

  /** Every rule, in order. */
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>();
    passes.forEach(all::addAll);
    return all;
  }

  /** The feature properties the rules read (filters, labels, rotations). */
  public Set<String> properties() {
    return properties(rules());
  }

  /** The feature properties these rules read. */
  public static Set<String> properties(List<Rule> rules) {
    Set<String> names = new LinkedHashSet<>();
    for (Rule r : rules) {
      FeatureMatcher.properties(r.filter(), names);
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof Symbolizer.Text t) {
          t.label().forEach(e -> addProperty(e, names));
        } else if (s instanceof Symbolizer.Point p) {
          addProperty(p.rotation(), names);
        }
      }
    }
    return names;
  }

  private static void addProperty(Expression e, Set<String> names) {
    if (e instanceof Expression.Property p) {
      names.add(p.name());
    }
  }
}
