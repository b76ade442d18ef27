package cn.lzxq.city.data.analysis.common;

/**
 * A request geometry transformed into the native CRS.
 *
 * @param ewkb the geometry (EWKB, native SRID, Z kept when given)
 * @param type the geometry type (Point, LineString, Polygon …)
 * @param areaM2 plan area, m² (0 for points and lines)
 * @param lengthM plan length, m (0 for points and polygons)
 */
public record NativeGeometry(byte[] ewkb, String type, double areaM2, double lengthM) {}
