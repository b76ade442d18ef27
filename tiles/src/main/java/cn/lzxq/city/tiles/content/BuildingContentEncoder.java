package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.mesh.MeshData;
import cn.lzxq.city.tiles.mesh.ParcelExtruder;
import cn.lzxq.city.tiles.mesh.PlanarSurfaces;
import java.util.List;

/**
 * Encodes buildings: LOD1 as closed prisms from the ground to their height ({@link
 * ParcelExtruder}), LOD2 as their triangulated walls and roofs (double-sided: CityJSON does not
 * guarantee the orientation of every surface), in a matte material of the building's colour, cut at
 * the tile region.
 */
public final class BuildingContentEncoder {

  private final MetadataClass buildingClass;

  /**
   * @param buildingClass class of the buildings' property table; must contain {@code feature_id}
   */
  public BuildingContentEncoder(MetadataClass buildingClass) {
    this.buildingClass = buildingClass;
  }

  /** The GLB of the buildings in {@code tile}, or {@code null} if nothing lies in it. */
  public byte[] encode(Region tile, List<Building> buildings) {
    ContentAssembly content = new ContentAssembly(tile);
    for (Building b : buildings) {
      boolean lod2 = !b.surfaces().isEmpty();
      MeshData mesh =
          lod2
              ? PlanarSurfaces.triangulate(content.frame(), b.surfaces())
              : ParcelExtruder.extrude(content.frame(), b.lonLat(), b.baseM(), b.topM());
      Material material =
          new Material(lod2 ? "building-lod2" : "building", b.colour(), 0, 0.9, lod2);
      content.addFeature(
          buildingClass, b.featureId(), b.properties(), List.of(material), List.of(mesh));
    }
    return content.toGlb();
  }
}
