package cn.lzxq.city.server.tilestore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A built response body with its strong ETag (a hash of the bytes) and the change-log sequence
 * number it was built at. The gzip form is made once, on first use.
 */
public final class CacheEntry {

  private final byte[] bytes;
  private final String etag;
  private final long seq;
  private volatile byte[] gzip;

  public CacheEntry(byte[] bytes, long seq) {
    this.bytes = bytes;
    this.seq = seq;
    this.etag = "\"" + hash(bytes) + "\"";
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The strong ETag of the identity encoding, quoted. */
  public String etag() {
    return etag;
  }

  /** The ETag of the gzip encoding (a different representation, so a different tag). */
  public String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  public long seq() {
    return seq;
  }

  /** The body gzip-compressed. */
  public byte[] gzip() {
    byte[] g = gzip;
    if (g == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      g = out.toByteArray();
      gzip = g;
    }
    return g;
  }

  /** Memory the entry holds, in bytes. */
  public long weight() {
    byte[] g = gzip;
    return bytes.length + (g == null ? 0 : g.length) + 128;
  }

  private static String hash(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
