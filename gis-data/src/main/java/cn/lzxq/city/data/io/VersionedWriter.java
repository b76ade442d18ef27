package cn.lzxq.city.data.io;

import cn.lzxq.city.data.db.ValidTime;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes imported features as new versions, the one place every importer shares: when a current
 * feature with the same key exists, its version is closed ({@code valid_to = now()}) and the new
 * version gets the same fid; otherwise the feature gets a new fid from {@code feature_fid_seq}.
 * Both happen in one statement, batched; the caller owns the transaction.
 */
public final class VersionedWriter implements AutoCloseable {

  private static final int BATCH = 500;
  private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");

  private final PreparedStatement statement;
  private final LayerTable layer;
  private final String source;
  private final List<Long> batchRows = new ArrayList<>();
  private long written;

  private VersionedWriter(
      Connection c,
      LayerTable layer,
      List<TableColumns.Column> key,
      List<SqlColumn> columns,
      String user,
      String source)
      throws SQLException {
    this.source = source;
    this.layer = layer;
    this.statement = c.prepareStatement(sql(layer, key, columns));
    statement.setString(keyParameters(layer) + 1, user);
    statement.setString(keyParameters(layer) + 2, "import " + source);
  }

  static String sql(LayerTable layer, List<TableColumns.Column> key, List<SqlColumn> columns) {
    String table = layer.table();
    String match =
        key.stream()
            .map(k -> k.name() + " = CAST(? AS " + k.type() + ")")
            .collect(Collectors.joining(" AND "));
    if (layer.keyEitherDirection()) {
      match = "((" + match + ") OR (" + match + "))";
    }
    return "WITH closed AS (UPDATE "
        + table
        + " SET valid_to = now() WHERE "
        + ValidTime.open("")
        + " AND "
        + match
        + " RETURNING fid) INSERT INTO "
        + table
        + " (fid, changed_by, change_note, "
        + columns.stream().map(SqlColumn::name).collect(Collectors.joining(", "))
        + ") SELECT coalesce((SELECT min(fid) FROM closed), nextval('feature_fid_seq')), ?, ?, "
        + columns.stream().map(SqlColumn::expression).collect(Collectors.joining(", "));
  }

  private static int keyParameters(LayerTable layer) {
    return layer.key().size() * (layer.keyEitherDirection() ? 2 : 1);
  }

  /**
   * Adds one feature version to the batch.
   *
   * @param row the source row, for error messages
   * @param key the key values as text ({@link LayerTable#key()} order)
   * @param values the bind parameters of the columns, in order (String, Number, byte[] or null)
   */
  public void write(long row, List<String> key, List<Object> values) throws SQLException {
    int i = 1;
    for (String k : key) {
      statement.setString(i++, k);
    }
    if (layer.keyEitherDirection()) {
      for (int k = key.size() - 1; k >= 0; k--) {
        statement.setString(i++, key.get(k));
      }
    }
    i += 2;
    for (Object v : values) {
      bind(i++, v);
    }
    statement.addBatch();
    batchRows.add(row);
    if (batchRows.size() >= BATCH) {
      flush();
    }
  }

  /**
   * A writer for a layer.
   *
   * @param table the layer table's columns (for the key's types)
   * @param columns what to write besides the versioning columns
   * @param user changed_by
   * @param source the file, for change_note ("import FILE") and error messages
   */
  public static VersionedWriter of(
      Connection c,
      LayerTable layer,
      TableColumns table,
      List<SqlColumn> columns,
      String user,
      String source)
      throws SQLException {
    List<TableColumns.Column> key =
        layer.key().stream().map(k -> table.column(k).orElseThrow()).toList();
    return new VersionedWriter(c, layer, key, columns, user, source);
  }

  private void bind(int i, Object v) throws SQLException {
    if (v == null) {
      statement.setNull(i, Types.VARCHAR);
    } else if (v instanceof byte[] b) {
      statement.setBytes(i, b);
    } else if (v instanceof Integer n) {
      statement.setInt(i, n);
    } else if (v instanceof Double d) {
      statement.setDouble(i, d);
    } else if (v instanceof BigDecimal d) {
      statement.setBigDecimal(i, d);
    } else {
      statement.setString(i, v.toString());
    }
  }

  /** Sends the pending batch. */
  public void flush() throws SQLException {
    if (batchRows.isEmpty()) {
      return;
    }
    try {
      statement.executeBatch();
      written += batchRows.size();
      batchRows.clear();
    } catch (BatchUpdateException e) {
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
      long row = m.find() ? batchRows.get(Integer.parseInt(m.group(1))) : batchRows.get(0);
      throw new RowRejectedException(source, row, cause.getMessage(), e);
    }
  }

  /** The versions written so far (flushed). */
  public long written() {
    return written;
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }

  /** The database refused a row (a constraint the validators do not repeat). */
  public static final class RowRejectedException extends SQLException {
    private final String file;
    private final long row;

    RowRejectedException(String file, long row, String message, Throwable cause) {
      super(message, cause);
      this.file = file;
      this.row = row;
    }

    /** The file the row came from. */
    public String file() {
      return file;
    }

    /** The row (as the issue reports count rows). */
    public long row() {
      return row;
    }
  }
}
