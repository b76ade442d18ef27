package cn.lzxq.city.server.tiles3d;

/** How tile content heights are referenced ({@code ?heights=}). */
public enum HeightMode {
  /** The ground surface at ellipsoid height 0, pipes at their true depth below it (default). */
  GROUND,
  /** Ellipsoid heights: 1985 normal heights plus the configured height anomaly. */
  ABSOLUTE;

  /** The mode named by the query parameter ({@code ground} or {@code absolute}; null = ground). */
  public static HeightMode parse(String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("ground")) {
      return GROUND;
    }
    if (text.equalsIgnoreCase("absolute")) {
      return ABSOLUTE;
    }
    throw new IllegalArgumentException("heights must be ground or absolute, not " + text);
  }
}
