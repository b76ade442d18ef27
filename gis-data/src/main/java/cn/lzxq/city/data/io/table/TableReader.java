package cn.lzxq.city.data.io.table;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;

/** Streams a survey table file (CSV or XLSX) into a {@link TableSink}, one row at a time. */
public interface TableReader {

  /** Reads the whole file; memory use does not grow with the number of rows. */
  void read(Path file, TableSink sink) throws IOException;

  /**
   * The reader for a file by its extension, or null when it is not a table file.
   *
   * @param encoding the CSV encoding, or null to detect it (UTF-8 with or without BOM, else
   *     GB18030)
   */
  static TableReader forFile(Path file, Charset encoding) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return new CsvTableReader(encoding);
    }
    if (name.endsWith(".xlsx")) {
      return new XlsxTableReader();
    }
    return null;
  }
}
