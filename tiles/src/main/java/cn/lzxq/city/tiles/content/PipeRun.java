package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.List;
import java.util.Map;

/**
 * One pipe segment as the server reads it from PostGIS.
 *
 * @param featureId the stable feature id (same as WFS / OGC API)
 * @param centreline vertices of the pipe centre line: longitude, latitude (degrees) and centre
 *     height (metres; negative below ground in ground-relative mode); at least two
 * @param profile cross-section
 * @param colour display colour
 * @param properties attribute values by property id of the pipe class ({@code feature_id} is added)
 */
public record PipeRun(
    long featureId,
    List<GeoPoint> centreline,
    PipeProfile profile,
    Rgba colour,
    Map<String, ?> properties) {

  public PipeRun {
    centreline = List.copyOf(centreline);
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    if (centreline.size() < 2) {
      throw new IllegalArgumentException("pipe " + featureId + " needs at least two vertices");
    }
  }
}
