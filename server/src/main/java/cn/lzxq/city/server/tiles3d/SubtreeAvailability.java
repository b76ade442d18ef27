package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.server.tiles3d.content.ContentSources;
import cn.lzxq.city.server.tiles3d.content.Footprint;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.server.tilestore.ChangeLog;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.tiling.SubtreeBuilder;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

/**
 * Which tiles have content, computed from PostGIS (every feature's footprint at its importance
 * level) and cached per content kind, view time and grid until the change log shows an edit of the
 * kind's layers; and the binary {@code .subtree} files made from it.
 *
 * <p>A point belongs to the tile that owns it; a line or polygon to every tile of its level that
 * its geometry, grown by its reach, intersects.
 */
@Component
public class SubtreeAvailability {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final ContentSources sources;
  private final ChangeLog changes;
  private final Map<String, Availability> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public SubtreeAvailability(ContentSources sources, ChangeLog changes) {
    this.sources = sources;
    this.changes = changes;
  }

  /** The availability of {@code kind} in {@code view} (heights do not matter). */
  public Availability of(Grid grid, ContentKind kind, View view) {
    String key = key(grid, kind, view);
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Availability a = cache.get(key);
      if (a == null || changes.changedSince(a.seq(), kind.layers(), null, 0)) {
        a = compute(grid, kind, view);
        cache.put(key, a);
      }
      return a;
    }
  }

  /** True when the availability of {@code kind} in {@code view} is cached and current. */
  boolean isCached(Grid grid, ContentKind kind, View view) {
    Availability a = cache.get(key(grid, kind, view));
    return a != null && !changes.changedSince(a.seq(), kind.layers(), null, 0);
  }

  private static String key(Grid grid, ContentKind kind, View view) {
    return grid.signature() + "/" + new View(view.asOf(), HeightMode.GROUND).key() + "/" + kind;
  }

  private Availability compute(Grid grid, ContentKind kind, View view) {
    long seq = changes.seq();
    Set<TileCoord> tiles = new HashSet<>();
    long[] count = {0};
    sources
        .of(kind)
        .footprints(
            grid,
            view,
            f -> {
              count[0]++;
              addTiles(grid, f, tiles);
            });
    return new Availability(tiles, count[0], seq);
  }

  /** Adds the tiles of a footprint's level that it reaches. */
  static void addTiles(Grid grid, Footprint f, Set<TileCoord> out) {
    Envelope env = f.lonLat().getEnvelopeInternal();
    if (f.reachM() <= 0 && env.getWidth() == 0 && env.getHeight() == 0) {
      out.add(
          grid.tree()
              .tileAt(f.level(), Math.toRadians(env.getMinX()), Math.toRadians(env.getMinY())));
      return;
    }
    double lat = Math.toRadians(env.centre().y);
    double dLat = Math.toDegrees(f.reachM() / 6_335_439.0);
    double dLon = Math.toDegrees(f.reachM() / (6_378_137.0 * Math.cos(lat)));
    TileCoord sw =
        grid.tree()
            .tileAt(
                f.level(),
                Math.toRadians(env.getMinX() - dLon),
                Math.toRadians(env.getMinY() - dLat));
    TileCoord ne =
        grid.tree()
            .tileAt(
                f.level(),
                Math.toRadians(env.getMaxX() + dLon),
                Math.toRadians(env.getMaxY() + dLat));
    if (sw.equals(ne)) {
      out.add(sw);
      return;
    }
    PreparedGeometry geom = PreparedGeometryFactory.prepare(f.lonLat());
    for (long x = sw.x(); x <= ne.x(); x++) {
      for (long y = sw.y(); y <= ne.y(); y++) {
        TileCoord t = new TileCoord(f.level(), x, y);
        Region r = grid.region(t);
        Envelope box =
            new Envelope(
                Math.toDegrees(r.west()) - dLon,
                Math.toDegrees(r.east()) + dLon,
                Math.toDegrees(r.south()) - dLat,
                Math.toDegrees(r.north()) + dLat);
        if (geom.intersects(FACTORY.toGeometry(box))) {
          out.add(t);
        }
      }
    }
  }

  /**
   * The {@code .subtree} file rooted at {@code root} for a tileset's contents (content index =
   * position in {@code kinds}).
   */
  public byte[] subtree(Grid grid, List<ContentKind> kinds, View view, TileCoord root) {
    int levels = grid.tree().subtreeLevels();
    SubtreeBuilder b = new SubtreeBuilder(root, levels, kinds.size());
    if (root.level() == 0) {
      b.tileAvailable(root);
    }
    for (int c = 0; c < kinds.size(); c++) {
      for (TileCoord t : of(grid, kinds.get(c), view).tiles()) {
        if (t.level() < root.level() || !t.ancestor(root.level()).equals(root)) {
          continue;
        }
        if (t.level() < root.level() + levels) {
          b.contentAvailable(t, c);
        } else {
          b.childSubtreeAvailable(t.ancestor(root.level() + levels));
        }
      }
    }
    return b.toBytes();
  }
}
