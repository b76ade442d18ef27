package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.List;
import java.util.function.Consumer;

/**
 * One content kind's pipeline from PostGIS to GLB: read the tile records of a window (SQL in {@code
 * sql/tiles3d/}), keep those of the tile's level, turn them into the tiles module's records and
 * encode them.
 */
public interface ContentSource {

  /** The content this source makes. */
  ContentKind kind();

  /** The metadata classes of its property tables (listed in tileset.json's schema). */
  List<MetadataClass> classes();

  /** Streams the footprint of every feature of the view (for the subtree availability). */
  void footprints(Grid grid, View view, Consumer<Footprint> sink);

  /** The GLB of one tile, or {@code null} when nothing lies in it. */
  byte[] encode(Grid grid, TileCoord tile, View view);

  /** How far (metres) beyond a tile an edit can change the tile's content. */
  double reachMetres();
}
