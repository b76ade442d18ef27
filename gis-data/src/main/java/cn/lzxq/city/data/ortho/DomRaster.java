package cn.lzxq.city.data.ortho;

import cn.lzxq.city.data.gdal.Gdal;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

/**
 * An orthophoto warped to the native CRS, on disk until {@link #close()}: square pixels, rows from
 * north to south, and its pyramid (level 0 = full resolution, each level half the previous one's
 * size rounded up, averaged by GDAL, down to the level that fits one block) as pixel-interleaved
 * 8-bit files of grey + alpha or RGB + alpha (alpha 0 = no data). Read a strip of rows at a time,
 * so an image larger than the heap can be stored.
 *
 * @param dir the temporary folder holding the level files, deleted by {@link #close()}
 * @param x0 easting of the west edge, metres (native CRS)
 * @param y0 northing of the north edge, metres
 * @param pixelM level-0 pixel size, metres
 * @param levels the level files with their sizes, level 0 first
 * @param bands bands per pixel: 2 (grey, alpha) or 4 (RGB, alpha)
 */
public record DomRaster(
    Path dir, double x0, double y0, double pixelM, List<Level> levels, int bands)
    implements AutoCloseable {

  /**
   * One pyramid level.
   *
   * @param file its pixels (raw, pixel-interleaved, rows north to south)
   * @param width columns
   * @param height rows
   */
  public record Level(Path file, int width, int height) {}

  public DomRaster {
    levels = List.copyOf(levels);
    if (bands != 2 && bands != 4) {
      throw new IllegalArgumentException(bands + " bands; 2 or 4 expected");
    }
  }

  /** Level-0 columns. */
  public int width() {
    return levels.get(0).width();
  }

  /** Level-0 rows. */
  public int height() {
    return levels.get(0).height();
  }

  /**
   * {@code count} rows of a level from {@code row} (cut at the last row) as {@code 0xAARRGGBB},
   * row-major.
   */
  public int[] rows(int level, int row, int count) throws IOException {
    Level l = levels.get(level);
    int n = Math.min(count, l.height() - row);
    byte[] bytes = new byte[n * l.width() * bands];
    try (RandomAccessFile f = new RandomAccessFile(l.file().toFile(), "r")) {
      f.seek((long) row * l.width() * bands);
      f.readFully(bytes);
    }
    int[] argb = new int[n * l.width()];
    for (int i = 0, k = 0; i < argb.length; i++, k += bands) {
      int r = bytes[k] & 0xff;
      int g = bands == 4 ? bytes[k + 1] & 0xff : r;
      int b = bands == 4 ? bytes[k + 2] & 0xff : r;
      argb[i] = (bytes[k + bands - 1] & 0xff) << 24 | r << 16 | g << 8 | b;
    }
    return argb;
  }

  @Override
  public void close() {
    Gdal.deleteTree(dir);
  }
}
