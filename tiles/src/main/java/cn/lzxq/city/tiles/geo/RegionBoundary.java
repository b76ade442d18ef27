package cn.lzxq.city.tiles.geo;

import java.util.List;

/**
 * One side of a {@link Region}'s rectangle as a closed-form signed distance in ECEF (metres,
 * positive inside): the west and east sides are meridian planes through the polar axis, the south
 * and north sides the cones swept by the ellipsoid normals at that geodetic latitude. The sign is
 * exact for any point within a few hundred kilometres of the surface, without converting to
 * geodetic coordinates.
 */
@FunctionalInterface
public interface RegionBoundary {

  /** Signed distance (metres; ≥ 0 inside) of an ECEF point from this side. */
  double distance(double x, double y, double z);

  /** The four sides of {@code region} (west, east, south, north) on {@code ellipsoid}. */
  static List<RegionBoundary> of(Region region, Ellipsoid ellipsoid) {
    return List.of(
        meridian(region.west(), 1),
        meridian(region.east(), -1),
        parallel(region.south(), 1, ellipsoid),
        parallel(region.north(), -1, ellipsoid));
  }

  /** {@code sign} = 1: keeps longitudes east of {@code lon}; −1: west of it. */
  private static RegionBoundary meridian(double lon, int sign) {
    double s = sign * Math.sin(lon), c = sign * Math.cos(lon);
    return (x, y, z) -> c * y - s * x;
  }

  /**
   * {@code sign} = 1: keeps geodetic latitudes north of {@code lat}; −1: south of it. A point of
   * latitude {@code lat} satisfies ρ = (N + h) cos lat and z + e²N sin lat = (N + h) sin lat.
   */
  private static RegionBoundary parallel(double lat, int sign, Ellipsoid e) {
    double sin = Math.sin(lat), cos = Math.cos(lat);
    double n = e.a() / Math.sqrt(1 - e.e2() * sin * sin);
    double shift = e.e2() * n * sin;
    return (x, y, z) -> sign * ((z + shift) * cos - Math.sqrt(x * x + y * y) * sin);
  }
}
