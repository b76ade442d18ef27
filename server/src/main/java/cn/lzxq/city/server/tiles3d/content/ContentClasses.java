package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.TileContent;
import cn.lzxq.city.tiles.content.FeatureClasses;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import cn.lzxq.city.tiles.gltf.PropertyType;

/**
 * The metadata class of a layer's tiles, derived from its {@link TileContent}: every class starts
 * with {@code feature_id} (the {@code fid} that WFS and OGC API use, so a viewer can join a picked
 * feature to its live record), then the content's properties, titled "中文 English (unit)" from the
 * layer's attributes. Property ids are the column names of the tile SQL (sql/tiles3d/*.sql).
 */
final class ContentClasses {

  private ContentClasses() {}

  /** The metadata class of {@code layer}'s features (the layer must have a 3D mapping). */
  static MetadataClass of(Layer layer) {
    TileContent t = layer.tiles();
    return FeatureClasses.withFeatureId(
        t.classId(),
        t.classTitle(),
        t.properties().stream().map(p -> property(layer.tileAttribute(p), p.required())).toList());
  }

  private static PropertyDef property(Attribute a, boolean required) {
    String title =
        a.titleZh() + " " + a.titleEn() + (a.unit().isEmpty() ? "" : " (" + a.unit() + ")");
    return new PropertyDef(a.name(), title, type(a), required);
  }

  /**
   * The glTF metadata type of an attribute: decimals as FLOAT64, dates, arrays and text as STRING.
   */
  private static PropertyType type(Attribute a) {
    return switch (a.type()) {
      case INTEGER -> PropertyType.INT32;
      case LONG -> PropertyType.INT64;
      case DECIMAL -> PropertyType.FLOAT64;
      case BOOLEAN -> PropertyType.BOOLEAN;
      case STRING, DATE, TIMESTAMP, STRING_ARRAY -> PropertyType.STRING;
    };
  }
}
