package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.gltf.Instance;
import cn.lzxq.city.tiles.gltf.InstanceGroup;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.Rgba;
import cn.lzxq.city.tiles.mesh.AssetMeshes;
import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes manholes, valves and hydrants as GPU instances (EXT_mesh_gpu_instancing with per-instance
 * feature IDs). A manhole is two instanced parts sharing its feature ID: the shaft, scaled to the
 * manhole's diameter and depth, and the cover, scaled in plan only. An asset whose footprint
 * crosses the tile boundary is written as an ordinary mesh cut at the boundary instead, so content
 * never leaves the tile. Assets are assigned to the tile that contains their anchor.
 */
public final class AssetContentEncoder {

  private static final Rgba CONCRETE = Rgba.hex("#8A8A86");
  private static final Rgba IRON = Rgba.hex("#2E2E30");
  private static final Rgba HYDRANT_RED = Rgba.hex("#C8102E");

  private final MetadataClass assetClass;

  /**
   * @param assetClass class of the assets' property table; must contain {@code feature_id}
   */
  public AssetContentEncoder(MetadataClass assetClass) {
    this.assetClass = assetClass;
  }

  private record Part(String name, MeshData unit, boolean scaleZ, Rgba fixedColour) {}

  private static List<Part> parts(AssetKind kind) {
    return switch (kind) {
      case MANHOLE ->
          List.of(
              new Part("manhole_shaft", AssetMeshes.manholeShaft(), true, CONCRETE),
              new Part("manhole_cover", AssetMeshes.manholeCover(), false, IRON));
      case VALVE -> List.of(new Part("valve", AssetMeshes.valve(), true, null));
      case HYDRANT -> List.of(new Part("hydrant", AssetMeshes.hydrant(), true, HYDRANT_RED));
    };
  }

  /** The GLB of the assets anchored in {@code tile}, or {@code null} if there are none. */
  public byte[] encode(Region tile, List<PointAsset> assets) {
    ContentAssembly content = new ContentAssembly(tile);
    Map<String, List<Instance>> instances = new LinkedHashMap<>();
    Map<String, Part> partByKey = new LinkedHashMap<>();
    Map<String, Rgba> colourByKey = new LinkedHashMap<>();
    int table = content.table(assetClass);
    for (PointAsset a : assets) {
      Vec3 anchor = content.frame().toLocal(a.position());
      double yaw = Math.toRadians(90 - a.headingDeg());
      List<Matrix4> transforms = new ArrayList<>();
      List<MeshData> placed = new ArrayList<>();
      List<Material> mats = new ArrayList<>();
      for (Part part : parts(a.kind())) {
        Vec3 scale = scale(a, part);
        Matrix4 m = Matrix4.trs(anchor, new Instance(0, anchor, yaw, scale).quaternion(), scale);
        transforms.add(m);
        placed.add(AssetMeshes.transformed(part.unit(), m));
        mats.add(
            Material.of(part.name(), part.fixedColour() != null ? part.fixedColour() : a.colour()));
      }
      if (crossesBoundary(content, placed)) {
        content.addFeature(assetClass, a.featureId(), a.properties(), mats, placed);
        continue;
      }
      int feature = content.row(table, a.featureId(), a.properties());
      List<Part> ps = parts(a.kind());
      for (int i = 0; i < ps.size(); i++) {
        String key = ps.get(i).name() + "|" + mats.get(i).colour();
        partByKey.putIfAbsent(key, ps.get(i));
        colourByKey.putIfAbsent(key, mats.get(i).colour());
        instances
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Instance(feature, anchor, yaw, scale(a, ps.get(i))));
      }
    }
    instances.forEach(
        (key, list) -> {
          Part part = partByKey.get(key);
          int material = content.material(Material.of(part.name(), colourByKey.get(key)));
          content.addGroup(new InstanceGroup(part.name(), part.unit(), material, table, list));
        });
    return content.toGlb();
  }

  private static Vec3 scale(PointAsset a, Part part) {
    double size = a.kind() == AssetKind.HYDRANT ? 1 : a.sizeMm() / 1000;
    double z = a.kind() == AssetKind.MANHOLE ? (part.scaleZ() ? a.depthM() : 1) : size;
    return new Vec3(size, size, z);
  }

  private static boolean crossesBoundary(ContentAssembly content, List<MeshData> placed) {
    for (MeshData m : placed) {
      if (!content.contains(m)) {
        return true;
      }
    }
    return false;
  }
}
