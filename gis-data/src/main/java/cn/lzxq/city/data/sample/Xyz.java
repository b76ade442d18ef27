package cn.lzxq.city.data.sample;

/**
 * A position in EPSG:4544 with a height: easting and northing in metres, Z in metres (1985 datum).
 */
public record Xyz(double x, double y, double z) {

  /** The position rounded to millimetres, as it is stored. */
  static Xyz mm(double x, double y, double z) {
    return new Xyz(round(x), round(y), round(z));
  }

  static double round(double m) {
    return Math.round(m * 1000) / 1000.0;
  }
}
