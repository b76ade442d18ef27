package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.Map;

/**
 * A sector antenna panel.
 *
 * @param featureId stable feature id
 * @param mount tower axis at the antenna centre: longitude, latitude (degrees) and antenna height
 *     (metres, same height reference as the tower base)
 * @param azimuthDeg direction of the main lobe, degrees clockwise from north
 * @param mechanicalTiltDeg mechanical downtilt in degrees (positive down)
 * @param electricalTiltDeg electrical downtilt in degrees (positive down); the panel is drawn
 *     tilted by the sum
 * @param colour display colour
 * @param properties attribute values ({@code feature_id} is added)
 */
public record AntennaSector(
    long featureId,
    GeoPoint mount,
    double azimuthDeg,
    double mechanicalTiltDeg,
    double electricalTiltDeg,
    Rgba colour,
    Map<String, ?> properties) {

  public AntennaSector {
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }
}
