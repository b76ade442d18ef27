package cn.lzxq.city.data.crs;

/** The order of the two horizontal axes of a CRS as its authority defines it. */
public enum AxisOrder {
  /** x = easting or longitude first (CRS:84, EPSG:3857). */
  EAST_NORTH,
  /** northing or latitude first (EPSG:4326, EPSG:4490, CGCS2000 Gauss-Krüger 4491–4554). */
  NORTH_EAST;

  /** True when the first coordinate is the northing or latitude. */
  public boolean northFirst() {
    return this == NORTH_EAST;
  }
}
