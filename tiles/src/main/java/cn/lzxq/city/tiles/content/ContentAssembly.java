package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.ContentWriter;
import cn.lzxq.city.tiles.gltf.FeatureTable;
import cn.lzxq.city.tiles.gltf.InstanceGroup;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MeshPart;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.mesh.MeshClipper;
import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one tile's features: feature tables, deduplicated materials, per-feature meshes cut at
 * the tile region, instance groups. The encoders share it; {@link #toGlb()} writes the GLB.
 */
final class ContentAssembly {

  private final LocalFrame frame;
  private final MeshClipper clipper;
  private final List<FeatureTable> tables = new ArrayList<>();
  private final Map<Material, Integer> materials = new LinkedHashMap<>();
  private final List<MeshPart> parts = new ArrayList<>();
  private final List<InstanceGroup> groups = new ArrayList<>();

  ContentAssembly(Region tile) {
    this.frame = LocalFrame.at(tile.centre());
    this.clipper = new MeshClipper(frame, tile);
  }

  LocalFrame frame() {
    return frame;
  }

  /** The index of the table of {@code cls}, created on first use (so no table is ever empty). */
  int table(MetadataClass cls) {
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).metadataClass().equals(cls)) {
        return i;
      }
    }
    tables.add(new FeatureTable(cls));
    return tables.size() - 1;
  }

  int material(Material m) {
    return materials.computeIfAbsent(m, k -> materials.size());
  }

  /**
   * Clips the meshes to the tile; if anything is left, adds a feature row and its parts. Returns
   * whether it did.
   */
  boolean addFeature(
      MetadataClass cls,
      long featureId,
      Map<String, ?> properties,
      List<Material> mats,
      List<MeshData> meshes) {
    List<MeshData> clipped = new ArrayList<>();
    boolean any = false;
    for (MeshData m : meshes) {
      MeshData c = clipper.clip(m);
      clipped.add(c);
      any |= !c.isEmpty();
    }
    if (!any) {
      return false;
    }
    int table = table(cls);
    int feature = row(table, featureId, properties);
    for (int i = 0; i < clipped.size(); i++) {
      if (!clipped.get(i).isEmpty()) {
        parts.add(new MeshPart(table, feature, material(mats.get(i)), clipped.get(i)));
      }
    }
    return true;
  }

  /** Adds a feature row and returns its feature ID. */
  int row(int table, long featureId, Map<String, ?> properties) {
    Map<String, Object> values = new LinkedHashMap<>(properties);
    values.put(FeatureClasses.FEATURE_ID, featureId);
    return tables.get(table).add(values);
  }

  void addGroup(InstanceGroup group) {
    groups.add(group);
  }

  /** Whether {@code mesh} lies wholly inside the tile. */
  boolean contains(MeshData mesh) {
    return clipper.containsAll(mesh);
  }

  /** The GLB, or {@code null} when the tile has no feature at all. */
  byte[] toGlb() {
    if (tables.isEmpty()) {
      return null;
    }
    return ContentWriter.write(
        new ContentWriter.Content(frame, tables, List.copyOf(materials.keySet()), parts, groups));
  }
}
