package cn.lzxq.city.data.io.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams every sheet of an XLSX workbook with POI's SAX event API, so a large survey workbook is
 * never held in memory. In each sheet the first non-blank row is the header. Numbers come out in
 * full precision (not as formatted for display), dates as ISO dates.
 */
public final class XlsxTableReader implements TableReader {

  @Override
  public void read(Path file, TableSink sink) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          String source = file.getFileName() + "[" + sheets.getSheetName() + "]";
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(
                  styles,
                  null,
                  strings,
                  new SheetRows(source, sink),
                  new RawNumberFormatter(),
                  false));
          xml.parse(new InputSource(sheet));
        }
      }
    } catch (OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IOException(
          "not a readable XLSX workbook: " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** Collects one row's cells and hands the row to the sink. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final String source;
    private final TableSink sink;
    private final List<String> cells = new ArrayList<>();
    private boolean headerSeen;
    private int rowNum;

    SheetRows(String source, TableSink sink) {
      this.source = source;
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      this.rowNum = rowNum;
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().allMatch(String::isBlank)) {
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        sink.header(source, rowNum + 1L, List.copyOf(cells));
      } else {
        sink.row(rowNum + 1L, List.copyOf(cells));
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int col = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
      while (cells.size() < col) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue);
    }
  }

  /** Formats numbers in full precision and date cells as ISO dates, ignoring display formats. */
  private static final class RawNumberFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value, use1904)
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }
  }
}
