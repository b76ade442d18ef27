package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.gltf.Rgba;
import cn.lzxq.city.tiles.mesh.TowerType;
import java.util.Map;

/**
 * A base-station tower (or pole).
 *
 * @param featureId stable feature id
 * @param type tower type
 * @param base foot of the tower (ground, or the roof for rooftop poles): degrees, metres
 * @param heightM tower height above its base in metres
 * @param colour display colour
 * @param properties attribute values ({@code feature_id} is added)
 */
public record TowerSite(
    long featureId,
    TowerType type,
    GeoPoint base,
    double heightM,
    Rgba colour,
    Map<String, ?> properties) {

  public TowerSite {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }
}
