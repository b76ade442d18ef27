package cn.lzxq.city.tiles.gltf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The features of one class in one tile content: row {@code i} is feature ID {@code i}. Values are
 * looked up by property id; a missing key or {@code null} value is "no data".
 */
public final class FeatureTable {

  private final MetadataClass metadataClass;
  private final List<Map<String, ?>> rows = new ArrayList<>();

  public FeatureTable(MetadataClass metadataClass) {
    this.metadataClass = metadataClass;
  }

  /** Appends a feature and returns its feature ID (row index). */
  public int add(Map<String, ?> values) {
    for (PropertyDef p : metadataClass.properties()) {
      if (p.required() && values.get(p.id()) == null) {
        throw new IllegalArgumentException(
            "feature of class " + metadataClass.id() + " lacks required " + p.id());
      }
    }
    rows.add(values);
    return rows.size() - 1;
  }

  public MetadataClass metadataClass() {
    return metadataClass;
  }

  public int size() {
    return rows.size();
  }

  /** The rows, unmodifiable. */
  public List<Map<String, ?>> rows() {
    return Collections.unmodifiableList(rows);
  }
}
