package cn.lzxq.city.data.io.cjj61;

import cn.lzxq.city.data.io.LayerTable;
import cn.lzxq.city.data.io.ProgressSink;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.io.VersionedWriter;
import cn.lzxq.city.data.io.qa.AreaCheck;
import cn.lzxq.city.data.io.qa.Issues;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.table.TableReader;
import cn.lzxq.city.data.io.table.TableSink;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports CJJ 61-2017 survey tables (CSV or XLSX; point tables and line tables in any number of
 * files and sheets, told apart by their headers) into pipe_point and pipe_segment.
 *
 * <p>Two streaming passes: {@link #validate} reads every point table, then every line table, and
 * reports all problems; {@link #write} reads them again and writes new versions. Only the point
 * index (one entry per point number) stays in memory between them.
 */
public final class Cjj61Importer {

  private static final int CHUNK = 1000;

  private final Connection connection;
  private final Dictionaries dict;
  private final AreaCheck area;
  private final int sourceSrid;
  private final Charset encoding;
  private final Map<String, PointEntry> points = new HashMap<>();

  /**
   * @param sourceSrid the CRS of the X/Y columns (the native CRS unless the survey used another)
   * @param encoding CSV encoding, or null to detect it
   */
  public Cjj61Importer(
      Connection connection, Dictionaries dict, AreaCheck area, int sourceSrid, Charset encoding) {
    this.connection = connection;
    this.dict = dict;
    this.area = area;
    this.sourceSrid = sourceSrid;
    this.encoding = encoding;
  }

  /** Runs every check over the files; problems go to {@code issues}. */
  public void validate(List<Path> files, Issues issues) throws IOException, SQLException {
    Cjj61Validator validator = new Cjj61Validator(connection, dict, area, sourceSrid, points);
    read(files, HeaderMap.Kind.POINTS, issues, cells -> validator.point(PointRow.read(cells)));
    List<SegmentRow> chunk = new ArrayList<>();
    read(
        files,
        HeaderMap.Kind.SEGMENTS,
        issues,
        cells -> {
          chunk.add(SegmentRow.read(cells));
          if (chunk.size() >= CHUNK) {
            validator.segments(chunk);
            chunk.clear();
          }
        });
    validator.segments(chunk);
  }

  /**
   * Writes the files validated by {@link #validate} (which must have found no errors) in the
   * caller's transaction.
   *
   * @return feature versions written per table
   */
  public Map<String, Long> write(List<Path> files, String user, ProgressSink progress)
      throws IOException, SQLException {
    Issues ignored = new Issues();
    TypeResolver types = new TypeResolver(dict);
    Map<String, Long> written = new LinkedHashMap<>();
    TableColumns pointTable = TableColumns.load(connection, "pipe_point");
    try (ProgressSink.Step step = progress.start("import pipe_point", points.size())) {
      written.put(
          "pipe_point",
          writeEach(
              files,
              HeaderMap.Kind.POINTS,
              ignored,
              pointTable,
              user,
              (writer, cells) -> {
                PointRow p = PointRow.read(cells);
                writer.write(
                    cells.row(),
                    List.of(p.expNo()),
                    Cjj61Columns.pointValues(
                        p, types.point(p), SegmentCodes.owner(dict, cells, p.owner()), sourceSrid));
                step.advance(1);
              }));
    }
    TableColumns segmentTable = TableColumns.load(connection, "pipe_segment");
    try (ProgressSink.Step step = progress.start("import pipe_segment", 0)) {
      written.put(
          "pipe_segment",
          writeEach(
              files,
              HeaderMap.Kind.SEGMENTS,
              ignored,
              segmentTable,
              user,
              (writer, cells) -> {
                SegmentRow s = SegmentRow.read(cells);
                PointEntry start = points.get(s.startPoint());
                PointEntry end = points.get(s.endPoint());
                PipeType type = types.segment(s, start, end);
                writer.write(
                    cells.row(),
                    List.of(s.startPoint(), s.endPoint()),
                    Cjj61Columns.segmentValues(
                        s,
                        type,
                        SegmentCodes.resolve(dict, s, type.network()),
                        dict.depthRef().get(type.network()),
                        start,
                        end,
                        sourceSrid));
                step.advance(1);
              }));
    }
    return written;
  }

  private interface RowWriter {
    void accept(VersionedWriter writer, Cells cells) throws SQLException;
  }

  /**
   * Writes every row of the tables of one kind, a writer per source (so change_note names the
   * file).
   */
  private long writeEach(
      List<Path> files,
      HeaderMap.Kind kind,
      Issues issues,
      TableColumns table,
      String user,
      RowWriter action)
      throws IOException, SQLException {
    // every pipe layer shares pipe_segment and its key, so any of them stands for the table here
    LayerTable layer = kind == HeaderMap.Kind.POINTS ? LayerTable.PIPE_POINT : LayerTable.PIPE_JS;
    var columns =
        kind == HeaderMap.Kind.POINTS ? Cjj61Columns.point(table) : Cjj61Columns.segment(table);
    Map<String, VersionedWriter> writers = new LinkedHashMap<>();
    try {
      read(
          files,
          kind,
          issues,
          cells -> {
            VersionedWriter w = writers.get(cells.source());
            if (w == null) {
              w = VersionedWriter.of(connection, layer, table, columns, user, cells.source());
              writers.put(cells.source(), w);
            }
            action.accept(w, cells);
          });
      long total = 0;
      for (VersionedWriter w : writers.values()) {
        w.flush();
        total += w.written();
      }
      return total;
    } finally {
      for (VersionedWriter w : writers.values()) {
        w.close();
      }
    }
  }

  private interface RowAction {
    void accept(Cells cells) throws SQLException;
  }

  /** Streams the data rows of every table of one kind in the files. */
  private void read(List<Path> files, HeaderMap.Kind kind, Issues issues, RowAction action)
      throws IOException, SQLException {
    for (Path file : files) {
      TableSink sink = new KindSink(kind, issues, action);
      try {
        TableReader.forFile(file, encoding).read(file, sink);
      } catch (SqlFailure f) {
        throw f.getCause();
      }
    }
  }

  /**
   * Passes on the rows of tables of one kind; reports tables of no known kind (in the point pass).
   */
  private static final class KindSink implements TableSink {
    private final HeaderMap.Kind kind;
    private final Issues issues;
    private final RowAction action;
    private HeaderMap map;
    private String source;

    KindSink(HeaderMap.Kind kind, Issues issues, RowAction action) {
      this.kind = kind;
      this.issues = issues;
      this.action = action;
    }

    @Override
    public void header(String source, long row, List<String> headers) {
      HeaderMap m = HeaderMap.of(headers);
      this.source = source;
      this.map = m.kind() == kind ? m : null;
      if (m.kind() == HeaderMap.Kind.UNKNOWN && kind == HeaderMap.Kind.POINTS) {
        issues.error(
            source,
            row,
            "",
            QaCode.FILE,
            "header names neither a point table (物探点号, X, Y) " + "nor a line table (起点点号, 终点点号)");
      }
      if (map != null) {
        m.unknown().forEach(h -> issues.warning(source, row, h, QaCode.UNKNOWN_PROPERTY, h));
      }
    }

    @Override
    public void row(long row, List<String> cells) {
      if (map == null) {
        return;
      }
      try {
        action.accept(new Cells(source, row, map, cells, issues));
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }
  }

  /** Carries an SQLException out of a {@link TableSink}. */
  private static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException e) {
      super(e);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
