package cn.lzxq.city.data.ortho;

import cn.lzxq.city.data.db.ValidTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The orthophoto tables ({@code dom}, {@code dom_tile}, V71): {@link #write} stores a raster as the
 * new current version with its pyramid of PNG blocks, closing the previous one and logging a {@code
 * tile_change} of layer {@value #LAYER} over both extents (so cached map tiles refresh), in the
 * caller's transaction; {@link #at} reads the version valid at a time.
 */
public final class DomStore {

  /** The table of the versions, the orthophoto layer's table in the catalog. */
  public static final String TABLE = "dom";

  /** The catalog layer of the orthophoto, and its name in the change log. */
  public static final String LAYER = "orthophoto";

  /** Pixels per side of a stored block. */
  public static final int TILE_SIZE = 256;

  private static final String LOG_CHANGE =
      "INSERT INTO tile_change (layer, west, south, east, north) SELECT ?, ST_XMin(b), ST_YMin(b),"
          + " ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_Segmentize(geom, 100), 4490)::box2d"
          + " AS b FROM dom WHERE id = ANY(?)) s";

  private DomStore() {}

  /**
   * A stored version.
   *
   * @param id version id
   * @param x0 west edge easting (native CRS), metres
   * @param y0 north edge northing, metres
   * @param pixelM level-0 pixel size, metres
   * @param width level-0 columns
   * @param height level-0 rows
   * @param tileSize block size, pixels
   * @param levels number of pyramid levels
   */
  public record DomVersion(
      long id,
      double x0,
      double y0,
      double pixelM,
      int width,
      int height,
      int tileSize,
      int levels) {}

  /** Stores {@code raster} as the current orthophoto; returns its id. Does not commit. */
  public static long write(
      Connection c, DomRaster raster, int srid, String source, String note, String user)
      throws SQLException, IOException {
    List<Long> changed = new ArrayList<>();
    try (PreparedStatement p =
            c.prepareStatement(
                "UPDATE dom SET valid_to = now() WHERE " + ValidTime.open("") + " RETURNING id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        changed.add(rs.getLong(1));
      }
    }
    long id = insertVersion(c, raster, srid, source, note, user);
    changed.add(id);
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dom_tile (dom_id, level, row, col, png) VALUES (?, ?, ?, ?, ?)")) {
      for (int l = 0; l < raster.levels().size(); l++) {
        writeLevel(p, id, l, raster);
      }
    }
    try (PreparedStatement p = c.prepareStatement(LOG_CHANGE)) {
      p.setString(1, LAYER);
      p.setArray(2, c.createArrayOf("int8", changed.toArray()));
      p.executeUpdate();
    }
    return id;
  }

  private static long insertVersion(
      Connection c, DomRaster raster, int srid, String source, String note, String user)
      throws SQLException {
    double x1 = raster.x0() + raster.width() * raster.pixelM();
    double y1 = raster.y0() - raster.height() * raster.pixelM();
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dom (source, note, x0, y0, pixel_m, width, height, tile_size, levels, geom,"
                + " changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, ?), ?)"
                + " RETURNING id")) {
      p.setString(1, source);
      p.setString(2, note);
      p.setDouble(3, raster.x0());
      p.setDouble(4, raster.y0());
      p.setDouble(5, raster.pixelM());
      p.setInt(6, raster.width());
      p.setInt(7, raster.height());
      p.setInt(8, TILE_SIZE);
      p.setInt(9, raster.levels().size());
      p.setDouble(10, raster.x0());
      p.setDouble(11, y1);
      p.setDouble(12, x1);
      p.setDouble(13, raster.y0());
      p.setInt(14, srid);
      p.setString(15, user);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The blocks of one level, a strip of {@value #TILE_SIZE} rows at a time. */
  private static void writeLevel(PreparedStatement p, long id, int level, DomRaster raster)
      throws SQLException, IOException {
    DomRaster.Level l = raster.levels().get(level);
    for (int row = 0; row * TILE_SIZE < l.height(); row++) {
      int[] strip = raster.rows(level, row * TILE_SIZE, TILE_SIZE);
      int h = strip.length / l.width();
      for (int col = 0; col * TILE_SIZE < l.width(); col++) {
        int w = Math.min(TILE_SIZE, l.width() - col * TILE_SIZE);
        BufferedImage block = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        block.setRGB(0, 0, w, h, strip, col * TILE_SIZE, l.width());
        p.setLong(1, id);
        p.setInt(2, level);
        p.setInt(3, row);
        p.setInt(4, col);
        p.setBytes(5, png(block));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The orthophoto version valid at {@code asOf} (now when null), or null when there is none. */
  public static DomVersion at(Connection c, Instant asOf) throws SQLException {
    List<Object> params = new ArrayList<>();
    String valid = ValidTime.at("", asOf, params);
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT id, x0, y0, pixel_m, width, height, tile_size, levels FROM dom WHERE "
                + valid
                + " ORDER BY valid_from DESC LIMIT 1")) {
      for (int i = 0; i < params.size(); i++) {
        p.setObject(i + 1, ((Instant) params.get(i)).atOffset(ZoneOffset.UTC));
      }
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new DomVersion(
            rs.getLong(1),
            rs.getDouble(2),
            rs.getDouble(3),
            rs.getDouble(4),
            rs.getInt(5),
            rs.getInt(6),
            rs.getInt(7),
            rs.getInt(8));
      }
    }
  }
}
