package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.Set;

/**
 * The tiles where one content kind has content in one view.
 *
 * @param tiles tiles with content
 * @param features number of features (each counted once, however many tiles it crosses)
 * @param seq change-log sequence number it was computed at
 */
public record Availability(Set<TileCoord> tiles, long features, long seq) {

  public Availability {
    tiles = Set.copyOf(tiles);
  }
}
