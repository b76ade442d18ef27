package cn.lzxq.city.data.io.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The GeoPackage binary geometry encoding (GeoPackage 1.3 §2.1.3): "GP", version 0, flags, srs_id,
 * an optional envelope, then standard (ISO) WKB.
 */
public final class GpkgGeometry {

  private static final int ENVELOPE_XYZ = 2;

  private GpkgGeometry() {}

  /**
   * Encodes ISO WKB as a GeoPackage geometry with a little-endian header and an XY or XYZ envelope
   * (XYZ when the geometry has Z).
   *
   * @param wkb standard WKB (as PostGIS {@code ST_AsBinary} writes it)
   * @param srsId the gpkg_spatial_ref_sys id
   * @return the blob and the geometry's envelope, for the layer bounds
   */
  public static Encoded encode(byte[] wkb, int srsId) {
    Geometry g = parseWkb(wkb);
    Envelope e = g.getEnvelopeInternal();
    double[] z = zRange(g);
    boolean hasZ = !Double.isNaN(z[0]);
    int envelopeCode = hasZ ? ENVELOPE_XYZ : 1;
    ByteBuffer b =
        ByteBuffer.allocate(8 + (hasZ ? 48 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) ((envelopeCode << 1) | 1));
    b.putInt(srsId);
    b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    if (hasZ) {
      b.putDouble(z[0]).putDouble(z[1]);
    }
    b.put(wkb);
    return new Encoded(b.array(), e);
  }

  /**
   * An encoded geometry and its 2D envelope.
   *
   * @param blob the GeoPackage geometry blob
   * @param envelope the geometry's XY envelope
   */
  public record Encoded(byte[] blob, Envelope envelope) {}

  /**
   * Decodes a GeoPackage geometry blob into JTS (Z kept); null for an empty geometry.
   *
   * @throws IllegalArgumentException when the blob is not a GeoPackage geometry
   */
  public static Geometry decode(byte[] blob) {
    if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException("not a GeoPackage geometry (no GP magic)");
    }
    int flags = blob[3];
    if ((flags & 0x20) != 0) {
      throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
    }
    if ((flags & 0x10) != 0) {
      return null;
    }
    int envelope = (flags >> 1) & 0x07;
    int envelopeBytes =
        switch (envelope) {
          case 0 -> 0;
          case 1 -> 32;
          case 2, 3 -> 48;
          case 4 -> 64;
          default -> throw new IllegalArgumentException("invalid envelope indicator " + envelope);
        };
    int offset = 8 + envelopeBytes;
    byte[] wkb = new byte[blob.length - offset];
    System.arraycopy(blob, offset, wkb, 0, wkb.length);
    return parseWkb(wkb);
  }

  private static Geometry parseWkb(byte[] wkb) {
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid WKB: " + e.getMessage(), e);
    }
  }

  private static double[] zRange(Geometry g) {
    double min = Double.NaN;
    double max = Double.NaN;
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isNaN(c.getZ())) {
        min = Double.isNaN(min) ? c.getZ() : Math.min(min, c.getZ());
        max = Double.isNaN(max) ? c.getZ() : Math.max(max, c.getZ());
      }
    }
    return new double[] {min, max};
  }
}
