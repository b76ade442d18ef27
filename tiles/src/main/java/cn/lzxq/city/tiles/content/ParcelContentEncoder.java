package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.mesh.ParcelExtruder;
import java.util.List;

/**
 * Encodes zoning parcels as closed translucent envelopes from their base to their top height
 * ({@code alphaMode BLEND}, double-sided), cut at the tile region.
 */
public final class ParcelContentEncoder {

  private final MetadataClass parcelClass;

  /**
   * @param parcelClass class of the parcels' property table; must contain {@code feature_id}
   */
  public ParcelContentEncoder(MetadataClass parcelClass) {
    this.parcelClass = parcelClass;
  }

  /** The GLB of the parcels in {@code tile}, or {@code null} if nothing lies in it. */
  public byte[] encode(Region tile, List<Parcel> parcels) {
    ContentAssembly content = new ContentAssembly(tile);
    for (Parcel p : parcels) {
      content.addFeature(
          parcelClass,
          p.featureId(),
          p.properties(),
          List.of(Material.envelope("parcel", p.colour())),
          List.of(ParcelExtruder.extrude(content.frame(), p.lonLat(), p.baseM(), p.topM())));
    }
    return content.toGlb();
  }
}
