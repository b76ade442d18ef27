package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;

/**
 * A building: its footprint extruded from the ground to its height (LOD1), or its LOD2 walls and
 * roofs. Heights are in the content's height mode (ground-relative: the ground at 0; absolute:
 * ellipsoid heights).
 *
 * @param featureId stable feature id
 * @param lonLat footprint part with x = longitude, y = latitude in degrees (holes allowed)
 * @param baseM height of the ground under it, metres
 * @param topM height of the LOD1 roof, metres; above {@code baseM}
 * @param surfaces LOD2 walls and roofs (x = longitude, y = latitude, z = height in the content's
 *     mode), each planar; empty for LOD1
 * @param colour colour (alpha below 1 for planned buildings)
 * @param properties attribute values ({@code feature_id} is added)
 */
public record Building(
    long featureId,
    Polygon lonLat,
    double baseM,
    double topM,
    List<Polygon> surfaces,
    Rgba colour,
    Map<String, ?> properties) {

  public Building {
    if (!(topM > baseM)) {
      throw new IllegalArgumentException(
          "building " + featureId + ": top " + topM + " m not above base " + baseM + " m");
    }
    surfaces = List.copyOf(surfaces);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
