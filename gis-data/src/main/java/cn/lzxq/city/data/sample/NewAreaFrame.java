package cn.lzxq.city.data.sample;

/**
 * Where the sample city sits: the projected centre of Lanzhou New Area and the ground surface.
 *
 * <p>All sample coordinates are in EPSG:4544 (CGCS2000 / 3-degree Gauss-Kruger CM 105E), metres, x
 * = easting, y = northing. The centre is 36.50°N 103.70°E, transformed once with PostGIS ({@code
 * ST_Transform(ST_SetSRID(ST_MakePoint(103.70, 36.50), 4490), 4544)}) and kept here. Heights are
 * metres in the 1985 national height datum.
 */
public final class NewAreaFrame {

  /** EPSG code of every generated geometry. */
  public static final int SRID = 4544;

  /** Easting of 36.50°N 103.70°E in EPSG:4544, metres. */
  public static final double CENTRE_X = 383_528.620;

  /** Northing of 36.50°N 103.70°E in EPSG:4544, metres. */
  public static final double CENTRE_Y = 4_041_810.525;

  /** Ground elevation at the centre, metres (the airport nearby is at 1,947 m). */
  public static final double CENTRE_GROUND_M = 1_950.0;

  /**
   * Ground rise towards the north, metres per metre (8.5 m per km: the basin is high in the north).
   */
  static final double NORTH_GRADIENT = 0.0085;

  /**
   * Ground rise towards the east, metres per metre (4 m per km), so gravity mains fall to the
   * south-west.
   */
  static final double EAST_GRADIENT = 0.004;

  private NewAreaFrame() {}

  /**
   * The ground elevation (metres, 1985 datum) at a point: one surface for every Z of the sample, a
   * plane rising north and east with a gentle undulation. Its slope is 5.7 to 11.3 m/km towards the
   * north and 3.4 to 4.6 m/km towards the east everywhere, so a pipe laid at constant depth always
   * falls towards the south and the west by at least 0.3 %.
   *
   * @param x easting in EPSG:4544, metres
   * @param y northing in EPSG:4544, metres
   */
  public static double groundElevation(double x, double y) {
    double dx = x - CENTRE_X;
    double dy = y - CENTRE_Y;
    return CENTRE_GROUND_M
        + NORTH_GRADIENT * dy
        + EAST_GRADIENT * dx
        + 2.0 * Math.sin(2 * Math.PI * dy / 4_500 + 0.7)
        + 0.4 * Math.sin(2 * Math.PI * dx / 4_200 + 1.9);
  }
}
