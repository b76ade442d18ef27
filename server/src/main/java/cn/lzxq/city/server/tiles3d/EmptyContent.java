package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.ContentWriter;
import java.util.List;

/**
 * The content of a tile the availability marks but whose features all fall outside once cut exactly
 * (a pipe passing within its radius of the tile edge): a valid GLB with no meshes, so the client
 * gets no 404 for an available tile.
 */
final class EmptyContent {

  private EmptyContent() {}

  static byte[] glb(Region tile) {
    return ContentWriter.write(
        new ContentWriter.Content(
            LocalFrame.at(tile.centre()), List.of(), List.of(), List.of(), List.of()));
  }
}
