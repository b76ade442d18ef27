package cn.lzxq.city.data.layer;

/**
 * What {@code /api/layers} says of a layer: its titles, geometry type, the number of current
 * features and their extent in CRS84 (longitude, latitude in degrees; null when empty).
 */
public record LayerSummary(String name, String titleZh, String titleEn, String geometryType, long count,
    double[] extent) {
}
