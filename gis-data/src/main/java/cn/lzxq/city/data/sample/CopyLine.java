package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * Builds one line of PostgreSQL COPY text format: tab-separated, \N for NULL, backslash escapes.
 */
final class CopyLine {

  private final StringBuilder out = new StringBuilder(512);
  private int fields;

  /** Starts a new line, reusing the buffer. */
  CopyLine reset() {
    out.setLength(0);
    fields = 0;
    return this;
  }

  CopyLine text(String s) {
    sep();
    if (s == null) {
      out.append("\\N");
      return this;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return this;
  }

  CopyLine number(Number n) {
    if (n instanceof Double d) {
      sep();
      decimal(out, d);
      return this;
    }
    return n == null ? text(null) : raw(n.toString());
  }

  CopyLine bool(boolean b) {
    return raw(b ? "t" : "f");
  }

  CopyLine date(LocalDate d) {
    return d == null ? text(null) : raw(d.toString());
  }

  /** A timestamptz at local midnight in China Standard Time. */
  CopyLine midnight(LocalDate d) {
    return raw(d + " 00:00:00+08");
  }

  /** A text[] of simple codes. */
  CopyLine array(List<String> values) {
    return raw("{" + String.join(",", values) + "}");
  }

  /** Appends a geometry written by {@link Ewkb}. */
  CopyLine geometry(java.util.function.Consumer<StringBuilder> writer) {
    sep();
    writer.accept(out);
    return this;
  }

  private CopyLine raw(String s) {
    sep();
    out.append(s);
    return this;
  }

  private void sep() {
    if (fields++ > 0) {
      out.append('\t');
    }
  }

  /** Writes the line and its newline. */
  void writeTo(Appendable w) throws java.io.IOException {
    w.append(out).append('\n');
  }

  /** A number rounded to millimetres (3 decimals), without trailing zeros. */
  private static void decimal(StringBuilder out, double d) {
    long m = Math.round(d * 1000);
    if (m < 0) {
      out.append('-');
      m = -m;
    }
    out.append(m / 1000);
    long f = m % 1000;
    if (f != 0) {
      out.append('.').append((char) ('0' + f / 100));
      if (f % 100 != 0) {
        out.append((char) ('0' + f / 10 % 10));
        if (f % 10 != 0) {
          out.append((char) ('0' + f % 10));
        }
      }
    }
  }
}
