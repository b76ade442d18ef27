package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.Map;

/**
 * A manhole, valve or hydrant.
 *
 * @param featureId stable feature id
 * @param kind asset kind
 * @param position manhole: cover centre at ground level; valve: on the pipe axis; hydrant: foot at
 *     ground level (degrees, metres)
 * @param sizeMm manhole shaft diameter or valve pipe diameter in millimetres (ignored for hydrants)
 * @param depthM manhole depth below the cover in metres (ignored for other kinds)
 * @param headingDeg valve: azimuth of the pipe, degrees clockwise from north (ignored otherwise)
 * @param colour display colour
 * @param properties attribute values ({@code feature_id} is added)
 */
public record PointAsset(
    long featureId,
    AssetKind kind,
    GeoPoint position,
    double sizeMm,
    double depthM,
    double headingDeg,
    Rgba colour,
    Map<String, ?> properties) {

  public PointAsset {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }
}
