package cn.lzxq.city.data.layer;

/** The geometry type of a layer, all with Z. */
public enum GeometryKind {
  POINT("PointZ"),
  LINE("LineStringZ"),
  POLYGON("MultiPolygonZ");

  private final String postgisType;

  GeometryKind(String postgisType) {
    this.postgisType = postgisType;
  }

  /** The PostGIS typmod, e.g. {@code LineStringZ}. */
  public String postgisType() {
    return postgisType;
  }
}
