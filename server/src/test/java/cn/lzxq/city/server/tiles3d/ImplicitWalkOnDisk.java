package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lists the content files an exported implicit tileset's subtrees announce. */
final class ImplicitWalkOnDisk {

  private ImplicitWalkOnDisk() {}

  static List<Path> contents(Path dir, ImplicitQuadtree tree, JsonNode tileset) {
    List<String> templates = new ArrayList<>();
    tileset.at("/root/contents").forEach(c -> templates.add(c.get("uri").asString()));
    List<Path> out = new ArrayList<>();
    walk(dir, tree, templates, TileCoord.ROOT, out);
    return out;
  }

  private static void walk(
      Path dir, ImplicitQuadtree tree, List<String> templates, TileCoord root, List<Path> out) {
    SubtreeFile s;
    try {
      s = new SubtreeFile(Files.readAllBytes(dir.resolve("subtrees/" + root.path() + ".subtree")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int levels = tree.subtreeLevels();
    List<TileCoord> level = List.of(root);
    for (int d = 0; d < levels && root.level() + d < tree.availableLevels(); d++) {
      List<TileCoord> next = new ArrayList<>();
      for (TileCoord t : level) {
        int index = (int) (((1L << (2 * d)) - 1) / 3 + t.mortonRelativeTo(root));
        for (int c = 0; c < templates.size(); c++) {
          if (s.content(c, index)) {
            out.add(
                dir.resolve(
                    templates
                        .get(c)
                        .replace("{level}", "" + t.level())
                        .replace("{x}", "" + t.x())
                        .replace("{y}", "" + t.y())));
          }
        }
        next.addAll(t.children());
      }
      level = next;
    }
    for (TileCoord child : level) {
      if (child.level() < tree.availableLevels()
          && s.childSubtree((int) child.mortonRelativeTo(root))) {
        walk(dir, tree, templates, child, out);
      }
    }
  }
}
