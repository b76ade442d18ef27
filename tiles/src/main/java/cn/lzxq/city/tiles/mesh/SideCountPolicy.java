package cn.lzxq.city.tiles.mesh;

/**
 * How many sides a circular pipe gets: more for larger diameters and finer detail levels. Coarse
 * detail: 6 sides up to DN 100, 8 to DN 300, 10 to DN 600, 12 below DN 1000 and 16 from DN 1000;
 * fine detail multiplies by 1.5 (rounded up to even), capped at 24. Distant detail (city-wide
 * views, where a pipe is a fraction of a pixel wide): 6 sides whatever the diameter.
 */
public final class SideCountPolicy {

  /** Distant detail: the hexagon of the smallest pipes for every diameter. */
  public static final int DISTANT = -1;

  /** Coarsest detail (distant, small screen size). */
  public static final int COARSE = 0;

  /** Finest detail. */
  public static final int FINE = 2;

  private SideCountPolicy() {}

  /**
   * @param diameterMm outer diameter in millimetres
   * @param detail {@link #DISTANT} (-1) … {@link #FINE} (2)
   * @return an even number of sides between 6 and 24
   */
  public static int sides(double diameterMm, int detail) {
    if (detail < COARSE) {
      return 6;
    }
    int base =
        diameterMm <= 100
            ? 6
            : diameterMm <= 300 ? 8 : diameterMm <= 600 ? 10 : diameterMm < 1000 ? 12 : 16;
    double factor = 1 + 0.25 * Math.max(COARSE, Math.min(FINE, detail));
    int sides = (int) Math.ceil(base * factor);
    sides += sides % 2;
    return Math.min(24, sides);
  }
}
