package cn.lzxq.city.data.layer;

import java.util.List;
import java.util.Optional;

/**
 * A layer, defined once and read by every protocol (WMS, WFS, OGC API, 3D Tiles, analyses).
 *
 * <p>Identifiers in SQL come only from here, never from a request: the table, the fixed
 * filter, the geometry column and the attribute names are constants of the catalog.
 *
 * @param name          stable lowercase identifier, the same in every protocol (e.g. {@code pipe_js})
 * @param titleZh       Chinese title
 * @param titleEn       English title
 * @param abstractEn    English abstract for capabilities documents
 * @param table         the versioned feature table
 * @param fixedFilter   a constant SQL predicate selecting the layer's rows of the table, or empty
 * @param geometryColumn the geometry column (in the native CRS, with Z)
 * @param geometryKind  point, line or polygon
 * @param attributes    the public attributes, in display order (the id and time columns are implicit)
 */
public record Layer(String name, String titleZh, String titleEn, String abstractEn, String table,
    String fixedFilter, String geometryColumn, GeometryKind geometryKind, List<Attribute> attributes) {

  /** The stable feature id column shared by all protocols. */
  public static final String ID_COLUMN = "fid";

  public Layer {
    attributes = List.copyOf(attributes);
  }

  /** The attribute with this name, if the layer has it. */
  public Optional<Attribute> attribute(String attributeName) {
    return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
  }

  /** The SQL predicate for the layer's rows ({@code TRUE} when the whole table is the layer). */
  public String rowFilter() {
    return fixedFilter.isEmpty() ? "TRUE" : fixedFilter;
  }
}
