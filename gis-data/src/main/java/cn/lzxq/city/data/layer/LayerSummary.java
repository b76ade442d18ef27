package cn.lzxq.city.data.layer;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /api/layers} says of a layer: its titles, kind, geometry type, the number of current
 * features, their extent in CRS84 (longitude, latitude in degrees; null when empty) and the titles
 * and units of its fields (its attributes, then the values its 3D tiles compute), so a client needs
 * no copy of the catalog.
 */
public record LayerSummary(
    String name,
    String titleZh,
    String titleEn,
    String kind,
    String geometryType,
    long count,
    double[] extent,
    List<Field> fields) {

  /**
   * A field's titles and unit.
   *
   * @param unit the unit symbol, or empty
   * @param computed a value the layer's 3D tiles compute, not an attribute of the layer
   */
  public record Field(String name, String titleZh, String titleEn, String unit, boolean computed) {}

  /** The summary of {@code layer} with its measured count and extent. */
  public static LayerSummary of(Layer layer, long count, double[] extent) {
    List<Field> fields = new ArrayList<>();
    layer.attributes().forEach(a -> fields.add(field(a, false)));
    layer
        .tileContent()
        .ifPresent(
            t ->
                t.properties().stream()
                    .filter(p -> p.computed() != null)
                    .forEach(p -> fields.add(field(p.computed(), true))));
    return new LayerSummary(
        layer.name(),
        layer.titleZh(),
        layer.titleEn(),
        layer.kind().name().toLowerCase(),
        layer.geometryKind() == null ? null : layer.geometryKind().postgisType(),
        count,
        extent,
        List.copyOf(fields));
  }

  private static Field field(Attribute a, boolean computed) {
    return new Field(a.name(), a.titleZh(), a.titleEn(), a.unit(), computed);
  }
}
