package cn.lzxq.city.server.processes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link ResultTable} as an Office Open XML workbook (ECMA-376 SpreadsheetML, .xlsx) with one
 * sheet: the smallest valid package — content types, package and workbook relationships, workbook,
 * one worksheet whose text cells are inline strings (no shared-string table) and numbers numeric
 * cells. The header row is the first row.
 */
final class XlsxEncoder {

  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final String NS = "http://schemas.openxmlformats.org/";

  private XlsxEncoder() {}

  static byte[] encode(ResultTable table, String sheetName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<Types xmlns=\""
              + NS
              + "package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" "
              + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
              + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<Relationships xmlns=\""
              + NS
              + "package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + NS
              + "officeDocument/2006/relationships/officeDocument\" "
              + "Target=\"xl/workbook.xml\"/></Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<workbook xmlns=\""
              + NS
              + "spreadsheetml/2006/main\" xmlns:r=\""
              + NS
              + "officeDocument/2006/relationships\"><sheets><sheet name=\""
              + xml(sheetName)
              + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\""
              + NS
              + "package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + NS
              + "officeDocument/2006/relationships/worksheet\" "
              + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", sheet(table));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String sheet(ResultTable table) {
    StringBuilder s =
        new StringBuilder("<worksheet xmlns=\"" + NS + "spreadsheetml/2006/main\"><sheetData>");
    row(s, 1, List.copyOf(table.columns()));
    for (int i = 0; i < table.rows().size(); i++) {
      row(s, i + 2, table.rows().get(i));
    }
    return s.append("</sheetData></worksheet>").toString();
  }

  private static void row(StringBuilder s, int r, List<?> values) {
    s.append("<row r=\"").append(r).append("\">");
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v == null) {
        continue;
      }
      String ref = column(c) + r;
      if (v instanceof Number n) {
        s.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
      } else if (v instanceof Boolean b) {
        s.append("<c r=\"")
            .append(ref)
            .append("\" t=\"b\"><v>")
            .append(b ? 1 : 0)
            .append("</v></c>");
      } else {
        s.append("<c r=\"")
            .append(ref)
            .append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            .append(xml(v.toString()))
            .append("</t></is></c>");
      }
    }
    s.append("</row>");
  }

  /** A, B, …, Z, AA, AB, … for column index 0, 1, … */
  static String column(int index) {
    StringBuilder s = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      s.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return s.toString();
  }

  private static String xml(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            s.append(ch);
          }
        }
      }
    }
    return s.toString();
  }

  private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml)
            .getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
