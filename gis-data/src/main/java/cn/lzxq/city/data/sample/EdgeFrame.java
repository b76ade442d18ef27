package cn.lzxq.city.data.sample;

/**
 * The survey grid along one edge. Between the two crossing roads' red lines (less {@value
 * #CLEAR_OF_CROSSING_M} m) lie grid points every {@value #STEP_M} m, where mains may have survey
 * points, and half-way between them the service stations, where service connections leave the
 * mains. So every point of a main is at least 3 m from every service that crosses it, and inside
 * the crossings there are only the shared junction points.
 *
 * @param u0 along-road coordinate of grid point 0, metres
 * @param k index of the last grid point; stations are 0 to k - 1
 */
record EdgeFrame(double u0, int k) {

  /** Distance from the crossing road's red line to the first grid point, metres. */
  static final double CLEAR_OF_CROSSING_M = 3;

  /** Grid spacing, metres. */
  static final double STEP_M = 6;

  /**
   * Regular survey points are at most this many grid steps apart (42 m, under the 75 m manhole
   * spacing).
   */
  static final int POINT_EVERY = 7;

  static EdgeFrame of(RoadGrid.Edge e) {
    double u0 = e.from().centre() + e.from().halfWidthM() + CLEAR_OF_CROSSING_M;
    double u1 = e.to().centre() - e.to().halfWidthM() - CLEAR_OF_CROSSING_M;
    return new EdgeFrame(u0, (int) Math.floor((u1 - u0) / STEP_M));
  }

  /** Along-road coordinate of grid point {@code i}. */
  double grid(int i) {
    return u0 + STEP_M * i;
  }

  /** Along-road coordinate of station {@code t}. */
  double station(int t) {
    return u0 + STEP_M * t + STEP_M / 2;
  }

  /** The grid point where sections change between the two crossings' cells. */
  int mid() {
    return k / 2;
  }

  /** True where a main has a regular survey point. */
  boolean regular(int i) {
    return i == 0 || i == k || i == mid() || i % POINT_EVERY == 0;
  }
}
