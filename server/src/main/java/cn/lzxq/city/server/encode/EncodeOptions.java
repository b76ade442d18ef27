package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.crs.CrsRef;

/**
 * How features are written.
 *
 * @param crs the CRS of the coordinates; they are written in its authority axis order ({@link
 *     CrsRef#axisOrder()}) unless {@code forceEastNorth}
 * @param forceEastNorth write x = easting/longitude first whatever the CRS (GeoJSON RFC 7946, WFS
 *     1.0.0 GML 2)
 * @param qualifiedIds write ids as {@code layer.fid} (WFS) instead of the bare fid (OGC API)
 * @param schemaLocation the xsi:schemaLocation of a GML document, or null
 * @param singleFeature write one feature as the document (GetFeatureById, OGC API item)
 */
public record EncodeOptions(
    CrsRef crs,
    boolean forceEastNorth,
    boolean qualifiedIds,
    String schemaLocation,
    boolean singleFeature) {

  /** True when the first coordinate written is the northing/latitude. */
  public boolean northFirst() {
    return !forceEastNorth && crs.axisOrder().northFirst();
  }
}
