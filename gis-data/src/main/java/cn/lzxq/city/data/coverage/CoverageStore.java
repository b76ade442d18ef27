package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.db.ValidTime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coverage tables (V90): {@link #insertGrid} stores a new current grid, {@link #writeBlocks}
 * writes the blocks of computed layers (patching existing blocks when the layer covers only part of
 * them), {@link #current} and {@link #block} read back. Writes run in the caller's transaction.
 */
public final class CoverageStore {

  private CoverageStore() {}

  /**
   * The current grid of a cell size, or the most recent current grid when {@code cellM} is null.
   */
  public static StoredGrid current(Connection c, Double cellM) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, cell_m, west, north, width, height, receiver_height_m, radius_m,"
                + " noise_figure_db, cell_load, terrain, change_seq FROM coverage_grid"
                + " WHERE "
                + ValidTime.open("")
                + " AND (?::float8 IS NULL OR cell_m = ?::float8)"
                + " ORDER BY computed_at DESC, id DESC LIMIT 1")) {
      p.setObject(1, cellM);
      p.setObject(2, cellM);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        double cell = rs.getDouble("cell_m");
        return new StoredGrid(
            rs.getLong("id"),
            new CoverageGrid(
                rs.getDouble("west"),
                rs.getDouble("north"),
                cell,
                rs.getInt("width"),
                rs.getInt("height")),
            new CoverageSettings(
                cell,
                rs.getDouble("receiver_height_m"),
                rs.getDouble("radius_m"),
                rs.getDouble("noise_figure_db"),
                rs.getDouble("cell_load"),
                rs.getBoolean("terrain")),
            rs.getLong("change_seq"));
      }
    }
  }

  /**
   * Stores a new current grid of its cell size (the previous one of that size and its blocks are
   * deleted: coverage is derived data); returns its id.
   */
  public static long insertGrid(
      Connection c, CoverageGrid g, CoverageSettings s, Long demId, long changeSeq)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM coverage_grid WHERE " + ValidTime.open("") + " AND cell_m = ?")) {
      p.setDouble(1, g.cellM());
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO coverage_grid (cell_m, west, north, width, height, receiver_height_m,"
                + " radius_m, noise_figure_db, cell_load, terrain, dem_id, change_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      p.setDouble(1, g.cellM());
      p.setDouble(2, g.west());
      p.setDouble(3, g.north());
      p.setInt(4, g.width());
      p.setInt(5, g.height());
      p.setDouble(6, s.receiverHeightM());
      p.setDouble(7, s.radiusM());
      p.setDouble(8, s.noiseFigureDb());
      p.setDouble(9, s.load());
      p.setBoolean(10, s.terrain());
      p.setObject(11, demId);
      p.setLong(12, changeSeq);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Records that a grid now includes the change log up to {@code changeSeq}. */
  public static void advance(Connection c, long gridId, long changeSeq) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE coverage_grid SET change_seq = ?, computed_at = now() WHERE id = ?")) {
      p.setLong(1, changeSeq);
      p.setLong(2, gridId);
      p.executeUpdate();
    }
  }

  /**
   * One stored block of a layer: values of {@code BLOCK}² cells cut at the grid's edge, row-major.
   *
   * @param rsrpDbm RSRP, dBm (NaN: none)
   * @param sinrDb SINR, dB (NaN: none)
   * @param server serving sector fid (0: none)
   */
  public record Block(float[] rsrpDbm, float[] sinrDb, int[] server) {}

  /** A stored block, or null. */
  public static Block block(
      Connection c, long gridId, CoverageSector.LayerKey layer, int blockRow, int blockCol)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT rsrp, sinr, server FROM coverage_tile WHERE grid_id = ? AND operator = ?"
                + " AND band = ? AND block_row = ? AND block_col = ?")) {
      p.setLong(1, gridId);
      p.setString(2, layer.operator());
      p.setString(3, layer.band());
      p.setInt(4, blockRow);
      p.setInt(5, blockCol);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Block(floats(rs.getBytes(1)), floats(rs.getBytes(2)), ints(rs.getBytes(3)));
      }
    }
  }

  /** The layers (operator, band) a grid holds. */
  public static List<CoverageSector.LayerKey> layers(Connection c, long gridId)
      throws SQLException {
    List<CoverageSector.LayerKey> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT DISTINCT operator, band FROM coverage_tile WHERE grid_id = ?"
                + " ORDER BY operator, band")) {
      p.setLong(1, gridId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new CoverageSector.LayerKey(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  /**
   * Writes the blocks the layers' windows touch. A block the window covers only partly is read,
   * patched and written back (an update after edits); a block not yet stored starts empty.
   */
  public static void writeBlocks(
      Connection c, long gridId, CoverageGrid g, Map<CoverageSector.LayerKey, CoverageLayer> layers)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO coverage_tile (grid_id, operator, band, block_row, block_col, rsrp, sinr,"
                + " server) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (grid_id, operator, band,"
                + " block_row, block_col) DO UPDATE SET rsrp = excluded.rsrp,"
                + " sinr = excluded.sinr, server = excluded.server")) {
      for (CoverageLayer layer : layers.values()) {
        CoverageGrid.Window w = layer.window();
        int br0 = w.row0() / CoverageGrid.BLOCK;
        int br1 = (w.row0() + w.rows() - 1) / CoverageGrid.BLOCK;
        int bc0 = w.col0() / CoverageGrid.BLOCK;
        int bc1 = (w.col0() + w.cols() - 1) / CoverageGrid.BLOCK;
        for (int br = br0; br <= br1; br++) {
          for (int bc = bc0; bc <= bc1; bc++) {
            Block b = patched(c, gridId, g, layer, br, bc);
            p.setLong(1, gridId);
            p.setString(2, layer.key().operator());
            p.setString(3, layer.key().band());
            p.setInt(4, br);
            p.setInt(5, bc);
            p.setBytes(6, bytes(b.rsrpDbm()));
            p.setBytes(7, bytes(b.sinrDb()));
            p.setBytes(8, bytes(b.server()));
            p.addBatch();
          }
        }
        p.executeBatch();
      }
    }
  }

  private static Block patched(
      Connection c, long gridId, CoverageGrid g, CoverageLayer layer, int br, int bc)
      throws SQLException {
    int c0 = bc * CoverageGrid.BLOCK;
    int r0 = br * CoverageGrid.BLOCK;
    int bw = Math.min(CoverageGrid.BLOCK, g.width() - c0);
    int bh = Math.min(CoverageGrid.BLOCK, g.height() - r0);
    CoverageGrid.Window w = layer.window();
    boolean whole = w.contains(c0, r0) && w.contains(c0 + bw - 1, r0 + bh - 1);
    Block b = whole ? null : block(c, gridId, layer.key(), br, bc);
    if (b == null) {
      float[] nan = new float[bw * bh];
      java.util.Arrays.fill(nan, Float.NaN);
      b = new Block(nan, nan.clone(), new int[bw * bh]);
    }
    for (int r = 0; r < bh; r++) {
      for (int col = 0; col < bw; col++) {
        if (w.contains(c0 + col, r0 + r)) {
          int from = (r0 + r - w.row0()) * w.cols() + c0 + col - w.col0();
          int to = r * bw + col;
          b.rsrpDbm()[to] = layer.rsrpDbm()[from];
          b.sinrDb()[to] = layer.sinrDb()[from];
          b.server()[to] = layer.server()[from];
        }
      }
    }
    return b;
  }

  private static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  private static byte[] bytes(int[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(v);
    return b.array();
  }

  private static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  private static int[] ints(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
    return out;
  }
}
