package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.TileContent;
import cn.lzxq.city.data.layer.TileContent.TileEncoding;
import cn.lzxq.city.data.terrain.DemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One content of the tilesets, derived from the catalog: the layers whose {@link TileContent} share
 * a code (a network's pipes; the pipe-point appurtenances; the base stations with their sectors;
 * the zoning parcels). Its {@link #code()} is the content group code in tileset.json and its {@link
 * #prefix()} the URI folder of its tiles ({@code pipe_js/{level}/{x}/{y}.glb}).
 *
 * @param main the first layer of the content in catalog order: it names the group and folder
 * @param members every layer of the content, {@code main} first
 */
public record ContentKind(Layer main, List<Layer> members) {

  public ContentKind {
    members = List.copyOf(members);
  }

  private TileContent content() {
    return main.tiles();
  }

  /** Content group code: the CJJ 61 network code for pipes, else e.g. POINTS, STATIONS, PARCELS. */
  public String code() {
    return content().code();
  }

  /** Chinese group name. */
  public String nameZh() {
    return content().groupZh();
  }

  /** How the content's tiles are built. */
  public TileEncoding encoding() {
    return content().encoding();
  }

  /** The name of the tileset of this content alone. */
  public String tileset() {
    return content().tileset();
  }

  /**
   * Catalog layer names whose edits change this content (the change-log {@code layer} values), and
   * the DEM's ({@link DemStore#LAYER}) for a content that stands on the terrain.
   */
  public List<String> layers() {
    List<String> names = new ArrayList<>(members.stream().map(Layer::name).toList());
    if (encoding().onTerrain()) {
      names.add(DemStore.LAYER);
    }
    return List.copyOf(names);
  }

  /** The member layer built with {@code encoding}, if there is one. */
  public Optional<Layer> member(TileEncoding memberEncoding) {
    return members.stream().filter(l -> l.tiles().encoding() == memberEncoding).findFirst();
  }

  /** URI folder of this content's tiles, e.g. {@code pipe_js/} or {@code stations/}. */
  public String prefix() {
    return content().folder() + "/";
  }

  /** Whether this is a pipe network. */
  public boolean isPipes() {
    return encoding() == TileEncoding.PIPES;
  }

  @Override
  public String toString() {
    return code();
  }
}
