package cn.lzxq.city.server.tiles3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The served tilesets by name: one per network ({@code pipe_js} … {@code pipe_tx}), {@code points}
 * (manholes, valves, hydrants), {@code stations} (towers and sectors), {@code parcels},
 * {@code pipes} (six networks and their points) and {@code city} (everything, one content group
 * per {@link ContentKind} so a viewer can toggle them).
 */
public final class TilesetCatalog {

  private static final Map<String, List<ContentKind>> TILESETS = build();

  private TilesetCatalog() {
  }

  private static Map<String, List<ContentKind>> build() {
    Map<String, List<ContentKind>> m = new LinkedHashMap<>();
    List<ContentKind> pipes = new ArrayList<>();
    for (ContentKind k : ContentKind.values()) {
      if (k.isPipes()) {
        m.put(k.prefix().replace("/", ""), List.of(k));
        pipes.add(k);
      }
    }
    m.put("points", List.of(ContentKind.POINTS));
    m.put("stations", List.of(ContentKind.STATIONS));
    m.put("parcels", List.of(ContentKind.PARCELS));
    pipes.add(ContentKind.POINTS);
    m.put("pipes", List.copyOf(pipes));
    m.put("city", Arrays.asList(ContentKind.values()));
    return m;
  }

  /** The tileset names. */
  public static List<String> names() {
    return List.copyOf(TILESETS.keySet());
  }

  /** The contents of a tileset, in group order. */
  public static Optional<List<ContentKind>> contents(String tileset) {
    return Optional.ofNullable(TILESETS.get(tileset));
  }
}
