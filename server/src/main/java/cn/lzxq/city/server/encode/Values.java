package cn.lzxq.city.server.encode;

import java.math.BigDecimal;
import java.util.List;

/** Attribute values as text, the same in GML and CSV (dates ISO 8601, decimals plain). */
final class Values {

  private Values() {}

  static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(v);
  }

  /** A coordinate as text: integers without ".0", otherwise the shortest exact form. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = Double.toString(d);
    return s.indexOf('E') >= 0 ? BigDecimal.valueOf(d).toPlainString() : s;
  }
}
