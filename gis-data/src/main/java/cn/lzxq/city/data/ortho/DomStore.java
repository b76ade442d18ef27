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
import java.sql.Statement;
import javax.imageio.ImageIO;

/**
 * The orthophoto tables ({@code dom}, {@code dom_tile}): {@link #write} stores an image as the new
 * current version with its pyramid of PNG blocks (each level halves the resolution by averaging 2 ×
 * 2 pixels, down to the level that fits one block) in the caller's transaction; {@link #current}
 * reads the version row.
 */
public final class DomStore {

  /** The catalog layer of the orthophoto. */
  public static final String LAYER = "orthophoto";

  /** Pixels per side of a stored block. */
  public static final int TILE_SIZE = 256;

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
      long id, double x0, double y0, double pixelM, int width, int height, int tileSize, int levels) {}

  /** Stores {@code image} as the current orthophoto; returns its id. Does not commit. */
  public static long write(
      Connection c, OrthoImage image, int srid, String source, String note, String user)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE dom SET valid_to = now() WHERE " + ValidTime.open(""));
    }
    int levels = 1;
    while (Math.max(image.width(), image.height()) > TILE_SIZE << (levels - 1)) {
      levels++;
    }
    long id;
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dom (source, note, x0, y0, pixel_m, width, height, tile_size, levels, geom,"
                + " changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, ?), ?)"
                + " RETURNING id")) {
      p.setString(1, source);
      p.setString(2, note);
      p.setDouble(3, image.x0());
      p.setDouble(4, image.y0());
      p.setDouble(5, image.pixelM());
      p.setInt(6, image.width());
      p.setInt(7, image.height());
      p.setInt(8, TILE_SIZE);
      p.setInt(9, levels);
      p.setDouble(10, image.x0());
      p.setDouble(11, image.y0() - image.height() * image.pixelM());
      p.setDouble(12, image.x0() + image.width() * image.pixelM());
      p.setDouble(13, image.y0());
      p.setInt(14, srid);
      p.setString(15, user);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO dom_tile (dom_id, level, row, col, png) VALUES (?, ?, ?, ?, ?)")) {
      OrthoImage level = image;
      for (int l = 0; l < levels; l++) {
        writeLevel(p, id, l, level);
        level = halved(level);
      }
    }
    return id;
  }

  private static void writeLevel(PreparedStatement p, long id, int level, OrthoImage image)
      throws SQLException {
    for (int row = 0; row * TILE_SIZE < image.height(); row++) {
      for (int col = 0; col * TILE_SIZE < image.width(); col++) {
        int w = Math.min(TILE_SIZE, image.width() - col * TILE_SIZE);
        int h = Math.min(TILE_SIZE, image.height() - row * TILE_SIZE);
        BufferedImage block = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        block.setRGB(0, 0, w, h, image.argb(), row * TILE_SIZE * image.width() + col * TILE_SIZE, image.width());
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

  /** The image at half the resolution: each pixel the mean of (up to) 2 × 2 pixels. */
  static OrthoImage halved(OrthoImage in) {
    int w = (in.width() + 1) / 2, h = (in.height() + 1) / 2;
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        long[] sum = new long[4];
        int n = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int sx = 2 * x + dx, sy = 2 * y + dy;
            if (sx < in.width() && sy < in.height()) {
              int v = in.argb()[sy * in.width() + sx];
              for (int k = 0; k < 4; k++) {
                sum[k] += (v >>> (24 - 8 * k)) & 0xff;
              }
              n++;
            }
          }
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
          v |= (int) (sum[k] / n) << (24 - 8 * k);
        }
        out[y * w + x] = v;
      }
    }
    return new OrthoImage(in.x0(), in.y0(), in.pixelM() * 2, w, h, out);
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

  /** The current orthophoto version, or null when none was imported. */
  public static DomVersion current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, x0, y0, pixel_m, width, height, tile_size, levels FROM dom WHERE "
                    + ValidTime.open(""))) {
      if (!rs.next()) {
        return null;
      }
      return new DomVersion(
          rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5),
          rs.getInt(6), rs.getInt(7), rs.getInt(8));
    }
  }
}
