package cn.lzxq.city.tiles.geo;

/**
 * The local east-north-up frame of one tile: x east, y north, z up (metres), origin at a geodetic
 * point (the tile centre at height 0). Mesh builders work in this frame so vertex coordinates stay
 * small; {@link #enuToEcef()} places them on the globe.
 */
public final class LocalFrame {

  private final Ellipsoid ellipsoid;
  private final GeoPoint origin;
  private final Matrix4 enuToEcef;
  private final Matrix4 ecefToEnu;

  /** A frame on the given ellipsoid, with its origin at {@code origin}. */
  public LocalFrame(Ellipsoid ellipsoid, GeoPoint origin) {
    this.ellipsoid = ellipsoid;
    this.origin = origin;
    this.enuToEcef = ellipsoid.enuToEcef(origin);
    this.ecefToEnu = enuToEcef.inverseRigid();
  }

  /** A WGS84 frame with its origin at {@code origin}. */
  public static LocalFrame at(GeoPoint origin) {
    return new LocalFrame(Ellipsoid.WGS84, origin);
  }

  public GeoPoint origin() {
    return origin;
  }

  public Ellipsoid ellipsoid() {
    return ellipsoid;
  }

  /** The ENU → ECEF matrix (column-major, rigid). */
  public Matrix4 enuToEcef() {
    return enuToEcef;
  }

  /** Local ENU coordinates (metres) of a geodetic point. */
  public Vec3 toLocal(GeoPoint p) {
    return ecefToEnu.transformPoint(ellipsoid.toEcef(p));
  }

  /** Geodetic position of a local ENU point. */
  public GeoPoint toGeodetic(Vec3 local) {
    return ellipsoid.toGeodetic(enuToEcef.transformPoint(local));
  }

  /** The local direction of geodetic up at a local point (differs from +z away from the origin). */
  public Vec3 upAt(Vec3 local) {
    return ecefToEnu.transformDirection(ellipsoid.up(toGeodetic(local)));
  }
}
