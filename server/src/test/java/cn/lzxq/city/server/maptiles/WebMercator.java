package cn.lzxq.city.server.maptiles;

/**
 * Web Mercator (EPSG:3857) and the WebMercatorQuad tile grid written out from their definitions
 * (sphere of radius 6,378,137 m, origin at the top-left corner ±20,037,508.34 m), for the tile
 * tests to compute their expectations independently of the server's {@link TileMatrixSet}.
 */
final class WebMercator {

  static final double R = 6_378_137;

  /** Half the world's width in metres (π R). */
  static final double HALF = Math.PI * R;

  private WebMercator() {}

  static double mercX(double lon) {
    return Math.toRadians(lon) * R;
  }

  static double mercY(double lat) {
    return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
  }

  /** The column of level {@code z} holding longitude {@code lon}. */
  static long tileX(double lon, int z) {
    return (long) Math.floor((mercX(lon) + HALF) / (2 * HALF / (1L << z)));
  }

  /** The row of level {@code z} holding latitude {@code lat}. */
  static long tileY(double lat, int z) {
    return (long) Math.floor((HALF - mercY(lat)) / (2 * HALF / (1L << z)));
  }

  /** The longitude at column position {@code col} of level {@code z} (0.5: a tile's middle). */
  static double lon(double col, int z) {
    return Math.toDegrees((col * 2 * HALF / (1L << z) - HALF) / R);
  }

  /** The latitude at row position {@code row} of level {@code z} (0.5: a tile's middle). */
  static double lat(double row, int z) {
    double y = HALF - row * 2 * HALF / (1L << z);
    return Math.toDegrees(Math.atan(Math.sinh(y / R)));
  }
}
