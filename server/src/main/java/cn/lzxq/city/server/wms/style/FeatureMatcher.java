package cn.lzxq.city.server.wms.style;

import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.server.ows.OwsException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Evaluates the attribute part of the shared filter tree against one feature's properties in
 * memory, so a style with many rules costs one query per layer. Numbers compare numerically,
 * everything else as text; lists (tenants, networks) match LIKE as {@code {a,b}}, as PostgreSQL
 * prints arrays. Spatial and temporal operators are not evaluated here: {@link #check} rejects them
 * when a style is read.
 */
public final class FeatureMatcher {

  private static final Map<String, Pattern> LIKE_PATTERNS = new ConcurrentHashMap<>();
  private static final Pattern NAMESPACE_PREFIX = Pattern.compile("^[A-Za-z_][\\w.-]*:");

  private FeatureMatcher() {}

  /** True when the feature (id and properties) matches the filter. */
  public static boolean matches(Filter f, long fid, Map<String, Object> p) {
    if (f instanceof Filter.All) {
      return true;
    } else if (f instanceof Filter.And a) {
      for (Filter x : a.parts()) {
        if (!matches(x, fid, p)) {
          return false;
        }
      }
      return true;
    } else if (f instanceof Filter.Or o) {
      for (Filter x : o.parts()) {
        if (matches(x, fid, p)) {
          return true;
        }
      }
      return false;
    } else if (f instanceof Filter.Not n) {
      return !matches(n.part(), fid, p);
    } else if (f instanceof Filter.Compare c) {
      return compare(c, value(p, c.property()));
    } else if (f instanceof Filter.Between b) {
      Object v = value(p, b.property());
      return v != null && order(v, b.lower()) >= 0 && order(v, b.upper()) <= 0;
    } else if (f instanceof Filter.Like l) {
      Object v = value(p, l.property());
      return v != null && like(l).matcher(text(v)).matches();
    } else if (f instanceof Filter.IsNull n) {
      return value(p, n.property()) == null;
    } else if (f instanceof Filter.In in) {
      Object v = value(p, in.property());
      return v != null && in.values().stream().anyMatch(x -> order(v, x) == 0);
    } else if (f instanceof Filter.ResourceIds r) {
      return r.fids().contains(fid);
    }
    throw new IllegalStateException("unchecked style filter " + f.getClass().getSimpleName());
  }

  /** Rejects filters a style cannot evaluate (spatial and temporal operators). */
  public static void check(Filter f) {
    if (f instanceof Filter.BBox || f instanceof Filter.Spatial || f instanceof Filter.Temporal) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "SLD",
          "style rules support comparison, logical and id filters only, not "
              + f.getClass().getSimpleName());
    } else if (f instanceof Filter.And a) {
      a.parts().forEach(FeatureMatcher::check);
    } else if (f instanceof Filter.Or o) {
      o.parts().forEach(FeatureMatcher::check);
    } else if (f instanceof Filter.Not n) {
      check(n.part());
    }
  }

  /** Adds the property names the filter reads. */
  public static void properties(Filter f, Set<String> names) {
    if (f instanceof Filter.And a) {
      a.parts().forEach(x -> properties(x, names));
    } else if (f instanceof Filter.Or o) {
      o.parts().forEach(x -> properties(x, names));
    } else if (f instanceof Filter.Not n) {
      properties(n.part(), names);
    } else if (f instanceof Filter.Compare c) {
      names.add(bare(c.property()));
    } else if (f instanceof Filter.Between b) {
      names.add(bare(b.property()));
    } else if (f instanceof Filter.Like l) {
      names.add(bare(l.property()));
    } else if (f instanceof Filter.IsNull n) {
      names.add(bare(n.property()));
    } else if (f instanceof Filter.In in) {
      names.add(bare(in.property()));
    }
  }

  private static String bare(String property) {
    return property.indexOf(':') < 0
        ? property
        : NAMESPACE_PREFIX.matcher(property).replaceFirst("");
  }

  private static Object value(Map<String, Object> p, String property) {
    return p.get(bare(property));
  }

  private static boolean compare(Filter.Compare c, Object v) {
    if (v == null) {
      return false;
    }
    int o =
        c.matchCase() || v instanceof Number
            ? order(v, c.value())
            : text(v)
                .toLowerCase(Locale.ROOT)
                .compareTo(String.valueOf(c.value()).toLowerCase(Locale.ROOT));
    return switch (c.op()) {
      case EQ -> o == 0;
      case NE -> o != 0;
      case LT -> o < 0;
      case LE -> o <= 0;
      case GT -> o > 0;
      case GE -> o >= 0;
    };
  }

  /** Numeric order when both sides are numbers, else text order. */
  private static int order(Object v, Object literal) {
    if (v instanceof Integer a && literal instanceof Integer b) {
      return Integer.compare(a, b);
    }
    BigDecimal a = decimal(v);
    BigDecimal b = decimal(literal);
    if (a != null && b != null) {
      return a.compareTo(b);
    }
    return text(v).compareTo(text(literal));
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    } else if (v instanceof Number n) {
      return n instanceof Double || n instanceof Float
          ? BigDecimal.valueOf(n.doubleValue())
          : BigDecimal.valueOf(n.longValue());
    } else if (v instanceof String s
        && !s.isEmpty()
        && s.length() < 40
        && (Character.isDigit(s.charAt(s.length() - 1)))) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(Object v) {
    if (v instanceof List<?> list) {
      return "{" + String.join(",", list.stream().map(String::valueOf).toList()) + "}";
    }
    return String.valueOf(v);
  }

  private static Pattern like(Filter.Like l) {
    String key = (l.matchCase() ? "c:" : "i:") + l.sqlPattern();
    if (LIKE_PATTERNS.size() > 4_096) {
      LIKE_PATTERNS.clear();
    }
    return LIKE_PATTERNS.computeIfAbsent(
        key,
        k -> {
          StringBuilder re = new StringBuilder();
          String s = l.sqlPattern();
          for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
              re.append(Pattern.quote(String.valueOf(s.charAt(++i))));
            } else if (ch == '%') {
              re.append(".*");
            } else if (ch == '_') {
              re.append('.');
            } else {
              re.append(Pattern.quote(String.valueOf(ch)));
            }
          }
          return Pattern.compile(
              re.toString(),
              l.matchCase() ? Pattern.DOTALL : Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        });
  }
}
