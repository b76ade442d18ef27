package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.List;

/**
 * Many placements of one prototype mesh, written with EXT_mesh_gpu_instancing and per-instance
 * feature IDs (EXT_instance_features).
 *
 * @param name node name
 * @param prototype the unit mesh (local axes, metres)
 * @param material index into the content's material list
 * @param table feature table of the instances
 * @param instances the placements (at least one)
 */
public record InstanceGroup(
    String name, MeshData prototype, int material, int table, List<Instance> instances) {

  public InstanceGroup {
    instances = List.copyOf(instances);
    if (instances.isEmpty()) {
      throw new IllegalArgumentException("an instance group needs instances");
    }
  }
}
