package cn.lzxq.city.data.layer;

/** The geometry type of a layer, all with Z. */
public enum GeometryKind {
  POINT("PointZ", "gml:PointPropertyType"),
  LINE("LineStringZ", "gml:CurvePropertyType"),
  POLYGON("MultiPolygonZ", "gml:MultiSurfacePropertyType");

  private final String postgisType;
  private final String gmlPropertyType;

  GeometryKind(String postgisType, String gmlPropertyType) {
    this.postgisType = postgisType;
    this.gmlPropertyType = gmlPropertyType;
  }

  /** The PostGIS typmod, e.g. {@code LineStringZ}. */
  public String postgisType() {
    return postgisType;
  }

  /** The GML 3.2 property type of the geometry element. */
  public String gmlPropertyType() {
    return gmlPropertyType;
  }
}
