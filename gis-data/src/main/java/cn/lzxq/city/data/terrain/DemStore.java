package cn.lzxq.city.data.terrain;

import cn.lzxq.city.data.db.ValidTime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DEM tables: {@link #write} stores a raster as the new current version (closing the previous
 * one and logging a {@code tile_change} of layer {@value #LAYER}, so terrain caches refresh), in
 * the caller's transaction; {@link #current} and {@link #block} read it back.
 */
public final class DemStore {

  /** The layer name of the DEM in the change log and the catalog. */
  public static final String LAYER = "dem";

  /** Pixels per side of a stored block. */
  public static final int TILE_SIZE = 256;

  private DemStore() {}

  /** Stores {@code raster} as the current DEM version; returns its id. Does not commit. */
  public static long write(Connection c, DemRaster raster, String source, String user)
      throws SQLException {
    DemGrid g = raster.grid();
    double[] range = raster.range();
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE dem SET valid_to = now() WHERE " + ValidTime.open(""));
    }
    long id;
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dem (source, west, north, pixel_lon, pixel_lat, width,"
                + " height, tile_size, min_h, max_h, extent, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ST_MakeEnvelope(?, ?, ?, ?, 4490), ?) RETURNING id")) {
      p.setString(1, source);
      p.setDouble(2, g.west());
      p.setDouble(3, g.north());
      p.setDouble(4, g.pixelLon());
      p.setDouble(5, g.pixelLat());
      p.setInt(6, g.width());
      p.setInt(7, g.height());
      p.setInt(8, TILE_SIZE);
      p.setDouble(9, range[0]);
      p.setDouble(10, range[1]);
      p.setDouble(11, g.west());
      p.setDouble(12, g.south());
      p.setDouble(13, g.east());
      p.setDouble(14, g.north());
      p.setString(15, user);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dem_tile (dem_id, tile_row, tile_col, heights) VALUES (?, ?, ?, ?)")) {
      for (int row = 0; row * TILE_SIZE < g.height(); row++) {
        for (int col = 0; col * TILE_SIZE < g.width(); col++) {
          p.setLong(1, id);
          p.setInt(2, row);
          p.setInt(3, col);
          p.setBytes(4, blockBytes(raster, row, col));
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO tile_change (layer, west, south, east, north) VALUES (?, ?, ?, ?, ?)")) {
      p.setString(1, LAYER);
      p.setDouble(2, g.west());
      p.setDouble(3, g.south());
      p.setDouble(4, g.east());
      p.setDouble(5, g.north());
      p.executeUpdate();
    }
    return id;
  }

  /** The current DEM version, or null when none was imported. */
  public static DemVersion current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, west, north, pixel_lon, pixel_lat,"
                    + " width, height, tile_size, min_h, max_h, source FROM dem WHERE "
                    + ValidTime.open(""))) {
      if (!rs.next()) {
        return null;
      }
      return new DemVersion(
          rs.getLong(1),
          new DemGrid(
              rs.getDouble(2),
              rs.getDouble(3),
              rs.getDouble(4),
              rs.getDouble(5),
              rs.getInt(6),
              rs.getInt(7)),
          rs.getInt(8),
          rs.getDouble(9),
          rs.getDouble(10),
          rs.getString(11));
    }
  }

  /**
   * The pixels of one stored block, row-major ({@code tileSize} wide, cut at the grid's edge to
   * {@code min(tileSize, width - col * tileSize)}), or null when the block does not exist.
   */
  public static float[] block(Connection c, long demId, int row, int col) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT heights FROM dem_tile WHERE dem_id = ? AND tile_row = ? AND tile_col = ?")) {
      p.setLong(1, demId);
      p.setInt(2, row);
      p.setInt(3, col);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
      }
    }
  }

  private static byte[] blockBytes(DemRaster raster, int row, int col) {
    DemGrid g = raster.grid();
    int c0 = col * TILE_SIZE;
    int r0 = row * TILE_SIZE;
    int w = Math.min(TILE_SIZE, g.width() - c0);
    int h = Math.min(TILE_SIZE, g.height() - r0);
    ByteBuffer b = ByteBuffer.allocate(4 * w * h).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < h; r++) {
      for (int cc = 0; cc < w; cc++) {
        b.putFloat(raster.at(c0 + cc, r0 + r));
      }
    }
    return b.array();
  }
}
