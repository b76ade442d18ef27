package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.crs.CrsRef;

/**
 * A bounding box as a request gives it: four numbers in the axis order of {@code crs} (CRS84: min
 * lon, min lat, max lon, max lat; EPSG:4490: min lat, min lon, max lat, max lon).
 */
public record Bbox(double a1, double a2, double b1, double b2, CrsRef crs) {

  /** Minimum easting / longitude. */
  public double minX() {
    return crs.axisOrder().northFirst() ? a2 : a1;
  }

  public double minY() {
    return crs.axisOrder().northFirst() ? a1 : a2;
  }

  public double maxX() {
    return crs.axisOrder().northFirst() ? b2 : b1;
  }

  public double maxY() {
    return crs.axisOrder().northFirst() ? b1 : b2;
  }
}
