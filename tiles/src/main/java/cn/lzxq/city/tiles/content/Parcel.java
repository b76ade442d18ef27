package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;

/**
 * A zoning parcel drawn as a translucent envelope from the ground to its height limit, both given
 * as heights in the content's height mode (ground-relative: base 0 and top = the limit; absolute:
 * ellipsoid heights of the ground and of ground + limit).
 *
 * @param featureId stable feature id
 * @param lonLat outline with x = longitude, y = latitude in degrees (holes allowed)
 * @param baseM height of the envelope's bottom (the ground), metres
 * @param topM height of the envelope's top (the height limit), metres; above {@code baseM}
 * @param colour colour with alpha below 1 for a see-through envelope
 * @param properties attribute values ({@code feature_id} is added)
 */
public record Parcel(
    long featureId,
    Polygon lonLat,
    double baseM,
    double topM,
    Rgba colour,
    Map<String, ?> properties) {

  public Parcel {
    if (!(topM > baseM)) {
      throw new IllegalArgumentException(
          "parcel " + featureId + ": top " + topM + " m not above base " + baseM + " m");
    }
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }
}
