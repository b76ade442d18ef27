package cn.lzxq.city.server.processes;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link ResultTable} as CSV (RFC 4180: comma, CRLF, fields with comma, quote or line break
 * quoted), UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese names.
 */
final class CsvEncoder {

  static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

  private CsvEncoder() {}

  static byte[] encode(ResultTable table) {
    StringBuilder s = new StringBuilder("\uFEFF");
    line(s, List.copyOf(table.columns()));
    table.rows().forEach(r -> line(s, r));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder s, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      Object v = values.get(i);
      String text = v == null ? "" : v.toString();
      if (text.indexOf(',') >= 0
          || text.indexOf('"') >= 0
          || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0) {
        s.append('"').append(text.replace("\"", "\"\"")).append('"');
      } else {
        s.append(text);
      }
    }
    s.append("\r\n");
  }
}
