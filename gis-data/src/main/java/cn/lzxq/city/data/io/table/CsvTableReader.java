package cn.lzxq.city.data.io.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (comma separated, double-quoted cells, quotes doubled, line breaks inside
 * quotes). The first non-blank record is the header. A record counts as one row, as in a
 * spreadsheet, even when a quoted cell spans lines.
 */
public final class CsvTableReader implements TableReader {

  private final Charset encoding;

  /**
   * @param encoding the file encoding, or null to detect it with {@link CharsetDetector}
   */
  public CsvTableReader(Charset encoding) {
    this.encoding = encoding;
  }

  @Override
  public void read(Path file, TableSink sink) throws IOException {
    Charset charset = encoding != null ? encoding : CharsetDetector.detect(file);
    try (BufferedReader in = Files.newBufferedReader(file, charset)) {
      skipByteOrderMark(in);
      long row = 0;
      boolean headerSeen = false;
      List<String> record;
      while ((record = nextRecord(in)) != null) {
        row++;
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (!headerSeen) {
          sink.header(file.getFileName().toString(), row, record);
          headerSeen = true;
        } else {
          sink.row(row, record);
        }
      }
    }
  }

  private static void skipByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }

  /** The next record's cells, or null at the end of the input. */
  static List<String> nextRecord(BufferedReader in) throws IOException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            cell.append('"');
          } else {
            quoted = false;
            in.reset();
          }
        } else {
          cell.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        cell.append((char) c);
      }
      c = in.read();
    }
    cells.add(cell.toString());
    return cells;
  }
}
