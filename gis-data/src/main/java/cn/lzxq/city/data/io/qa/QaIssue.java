package cn.lzxq.city.data.io.qa;

/**
 * One problem found in an input file.
 *
 * @param file the file name (for a workbook, {@code book.xlsx[sheet]})
 * @param row the row as a person counts it in the sheet (header = row 1); for GeoJSON and
 *     GeoPackage the 1-based feature number; 0 when the issue concerns the whole file
 * @param column the column header as written in the file (or property name); empty for a row
 * @param code what kind of problem
 * @param severity an error blocks the import, a warning does not
 * @param message the message for people: Chinese term, English, detail
 */
public record QaIssue(
    String file, long row, String column, QaCode code, Severity severity, String message) {

  /** Whether an issue blocks the import. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** "file:row [column] message", one line for a terminal. */
  public String format() {
    return file
        + ":"
        + row
        + (column.isEmpty() ? "" : " [" + column + "]")
        + " "
        + (severity == Severity.WARNING ? "warning: " : "")
        + message;
  }
}
