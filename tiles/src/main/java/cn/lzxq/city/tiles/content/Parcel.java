package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.gltf.Rgba;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;

/**
 * A zoning parcel drawn as a translucent envelope from the ground to its height limit.
 *
 * @param featureId    stable feature id
 * @param lonLat       outline with x = longitude, y = latitude in degrees (holes allowed)
 * @param heightLimitM height limit in metres above the ground
 * @param colour       colour with alpha below 1 for a see-through envelope
 * @param properties   attribute values ({@code feature_id} is added)
 */
public record Parcel(long featureId, Polygon lonLat, double heightLimitM, Rgba colour, Map<String, ?> properties) {

    public Parcel {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
