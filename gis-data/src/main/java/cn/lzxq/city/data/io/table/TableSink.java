package cn.lzxq.city.data.io.table;

import java.util.List;

/** Receives a table as it is read: a header, then its rows, for each sheet in turn. */
public interface TableSink {

  /**
   * A new table starts.
   *
   * @param source the file name, with the sheet for a workbook ({@code book.xlsx[管线点]})
   * @param row the header's row number as a person counts it (usually 1)
   * @param headers the header cells as written
   */
  void header(String source, long row, List<String> headers);

  /**
   * A data row of the current table; blank rows are not passed on.
   *
   * @param row the row number as a person counts it in the sheet (header = row 1)
   * @param cells the cells, aligned with the header (missing trailing cells are empty strings)
   */
  void row(long row, List<String> cells);
}
