package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.TileContent.TileEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The contents and tilesets of the catalog's layers that have a 3D mapping: one tileset per content
 * ({@code pipe_js} … {@code pipe_tx}, {@code points}, {@code stations}, {@code parcels}), {@code
 * pipes} (the networks and their points) and {@code city} (every content, one content group each so
 * a viewer can toggle them).
 */
@Component
public class TilesetCatalog {

  private final List<ContentKind> kinds;
  private final Map<String, List<ContentKind>> tilesets = new LinkedHashMap<>();

  public TilesetCatalog(LayerCatalog catalog) {
    this.kinds = kinds(catalog);
    List<ContentKind> pipes = new ArrayList<>();
    for (ContentKind k : kinds) {
      tilesets.put(k.tileset(), List.of(k));
      if (k.isPipes() || k.encoding() == TileEncoding.APPURTENANCES) {
        pipes.add(k);
      }
    }
    tilesets.put("pipes", List.copyOf(pipes));
    tilesets.put("city", kinds);
  }

  /** The contents of the layers, grouped by content code, in catalog order. */
  private static List<ContentKind> kinds(LayerCatalog catalog) {
    Map<String, List<Layer>> byCode = new LinkedHashMap<>();
    for (Layer l : catalog.vectors()) {
      l.tileContent()
          .ifPresent(t -> byCode.computeIfAbsent(t.code(), c -> new ArrayList<>()).add(l));
    }
    return byCode.values().stream().map(ls -> new ContentKind(ls.get(0), ls)).toList();
  }

  /** Every content, in group order. */
  public List<ContentKind> kinds() {
    return kinds;
  }

  /** The tileset names. */
  public List<String> names() {
    return List.copyOf(tilesets.keySet());
  }

  /** The contents of a tileset, in group order. */
  public Optional<List<ContentKind>> contents(String tileset) {
    return Optional.ofNullable(tilesets.get(tileset));
  }

  /**
   * The content whose URI folder is {@code folder} (without slash); {@link NoSuchElementException}
   * when none.
   */
  public ContentKind ofFolder(String folder) {
    return kinds.stream()
        .filter(k -> k.prefix().equals(folder + "/"))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no content " + folder));
  }

  /** The content of the code, if there is one. */
  public Optional<ContentKind> ofCode(String code) {
    return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
  }
}
