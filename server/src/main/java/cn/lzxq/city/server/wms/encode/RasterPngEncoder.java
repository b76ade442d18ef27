package cn.lzxq.city.server.wms.encode;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * image/png written straight from the {@code int[]} raster of a {@code TYPE_INT_ARGB} or {@code
 * TYPE_INT_RGB} image: 8-bit RGBA (colour type 6) when the image has alpha, 8-bit RGB (colour type
 * 2) otherwise; every row "Up"-filtered ({@link PngFilter}), zlib-deflated at one level on the
 * calling thread, chunks and CRC-32 written here. Other image types are first drawn into an ARGB
 * copy. No ancillary chunks. Thread-safe (no state besides the level).
 */
public final class RasterPngEncoder implements ImageEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] IHDR = "IHDR".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] IEND = "IEND".getBytes(StandardCharsets.US_ASCII);

  /** Filtered rows are handed to zlib in blocks of about this many bytes. */
  private static final int BLOCK = 64 * 1024;

  /** Largest IDAT chunk written. */
  private static final int CHUNK = 64 * 1024;

  private final int level;

  /**
   * @param level deflate level 0–9
   */
  public RasterPngEncoder(int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("deflate level " + level);
    }
    this.level = level;
  }

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    BufferedImage raster = packed(image);
    int width = raster.getWidth();
    int height = raster.getHeight();
    boolean alpha = raster.getType() == BufferedImage.TYPE_INT_ARGB;
    int[] pixels = ((DataBufferInt) raster.getRaster().getDataBuffer()).getData();

    out.write(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8;
    header[9] = (byte) (alpha ? 6 : 2);
    chunk(out, IHDR, header, header.length);

    int line = PngFilter.lineBytes(width, alpha);
    byte[] rows = new byte[Math.max(line, BLOCK / line * line)];
    Deflater deflater = new Deflater(level);
    try {
      IdatStream idat = new IdatStream(deflater, out);
      int used = 0;
      for (int y = 0; y < height; y++) {
        used =
            PngFilter.up(
                pixels, y * width, y == 0 ? -1 : (y - 1) * width, width, alpha, rows, used);
        if (used + line > rows.length) {
          idat.deflate(rows, used);
          used = 0;
        }
      }
      idat.finish(rows, used);
    } finally {
      deflater.end();
    }
    chunk(out, IEND, rows, 0);
  }

  /** Deflates filtered rows into IDAT chunks of {@link #CHUNK} bytes (the last one shorter). */
  private static final class IdatStream {
    private final Deflater deflater;
    private final OutputStream out;
    private final byte[] chunk = new byte[CHUNK];
    private int used;

    IdatStream(Deflater deflater, OutputStream out) {
      this.deflater = deflater;
      this.out = out;
    }

    /** Compresses {@code length} bytes of {@code rows} (zlib may keep some until later). */
    void deflate(byte[] rows, int length) throws IOException {
      deflater.setInput(rows, 0, length);
      while (!deflater.needsInput()) {
        step();
      }
    }

    /** Compresses the last rows and writes everything left. */
    void finish(byte[] rows, int length) throws IOException {
      deflater.setInput(rows, 0, length);
      deflater.finish();
      while (!deflater.finished()) {
        step();
      }
      if (used > 0) {
        chunk(out, IDAT, chunk, used);
      }
    }

    private void step() throws IOException {
      used += deflater.deflate(chunk, used, chunk.length - used);
      if (used == chunk.length) {
        chunk(out, IDAT, chunk, used);
        used = 0;
      }
    }
  }

  private static BufferedImage packed(BufferedImage image) {
    int type = image.getType();
    if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
        && image.getRaster().getParent() == null
        && image.getRaster().getDataBuffer().getNumBanks() == 1) {
      return image;
    }
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = copy.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }

  private static void chunk(OutputStream out, byte[] type, byte[] data, int length)
      throws IOException {
    byte[] word = new byte[4];
    putInt(word, 0, length);
    out.write(word);
    out.write(type);
    out.write(data, 0, length);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(data, 0, length);
    putInt(word, 0, (int) crc.getValue());
    out.write(word);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
