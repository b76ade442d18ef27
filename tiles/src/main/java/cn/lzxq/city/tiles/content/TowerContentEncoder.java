package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.mesh.AssetMeshes;
import cn.lzxq.city.tiles.mesh.SectorPanel;
import cn.lzxq.city.tiles.mesh.TowerBuilder;
import java.util.List;

/**
 * Encodes base-station towers (by {@link cn.lzxq.city.tiles.mesh.TowerType}) and their sector
 * antenna panels, placed at the antenna height and oriented by azimuth and total downtilt. Two
 * property tables: towers and sectors. Meshes are cut at the tile region.
 */
public final class TowerContentEncoder {

  private final MetadataClass towerClass;
  private final MetadataClass sectorClass;

  /**
   * @param towerClass class of the towers; @param sectorClass class of the sectors (both with
   *     {@code feature_id})
   */
  public TowerContentEncoder(MetadataClass towerClass, MetadataClass sectorClass) {
    this.towerClass = towerClass;
    this.sectorClass = sectorClass;
  }

  /** The GLB of the towers and sectors in {@code tile}, or {@code null} if nothing lies in it. */
  public byte[] encode(Region tile, List<TowerSite> towers, List<AntennaSector> sectors) {
    ContentAssembly content = new ContentAssembly(tile);
    for (TowerSite t : towers) {
      Vec3 base = content.frame().toLocal(t.base());
      content.addFeature(
          towerClass,
          t.featureId(),
          t.properties(),
          List.of(Material.of("tower", t.colour())),
          List.of(
              AssetMeshes.transformed(
                  TowerBuilder.build(t.type(), t.heightM()), Matrix4.translation(base))));
    }
    for (AntennaSector s : sectors) {
      Vec3 mount = content.frame().toLocal(s.mount());
      double tilt = s.mechanicalTiltDeg() + s.electricalTiltDeg();
      content.addFeature(
          sectorClass,
          s.featureId(),
          s.properties(),
          List.of(Material.of("sector", s.colour())),
          List.of(SectorPanel.build(mount, s.azimuthDeg(), tilt)));
    }
    return content.toGlb();
  }
}
