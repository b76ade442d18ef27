package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.tiles3d.content.ContentSource;
import cn.lzxq.city.server.tiles3d.content.ContentSources;
import cn.lzxq.city.server.tiles3d.grid.CityGrid;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.Change;
import cn.lzxq.city.server.tilestore.ChangeLog;
import cn.lzxq.city.server.tilestore.TileStore;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tileset.ContentLayer;
import cn.lzxq.city.tiles.tileset.ImplicitTilesetFactory;
import cn.lzxq.city.tiles.tileset.Tile;
import cn.lzxq.city.tiles.tileset.Tileset;
import cn.lzxq.city.tiles.tileset.TilesetJson;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The 3D Tiles of the city: tileset.json, subtrees and tile contents, built from PostGIS on request
 * and cached (memory and disk) until the change log shows an edit in the tile's area.
 */
@Service
public class TilesetService {

  private final TilesetCatalog tilesets;
  private final CityGrid grids;
  private final ContentSources sources;
  private final SubtreeAvailability availability;
  private final TileStore cache;
  private final ChangeLog changes;
  private final String namespace;

  public TilesetService(
      TilesetCatalog tilesets,
      CityGrid grids,
      ContentSources sources,
      SubtreeAvailability availability,
      TileStore cache,
      ChangeLog changes,
      DatabaseProperties db) {
    this.tilesets = tilesets;
    this.grids = grids;
    this.sources = sources;
    this.availability = availability;
    this.cache = cache;
    this.changes = changes;
    this.namespace = Integer.toHexString((db.url() + "|" + db.schema()).hashCode());
    changes.onChange(this::checkExtent);
  }

  /** The contents of a tileset; {@link NoSuchElementException} when there is no such tileset. */
  public List<ContentKind> contents(String tileset) {
    return tilesets
        .contents(tileset)
        .orElseThrow(() -> new NoSuchElementException("no tileset " + tileset));
  }

  /** The tilesets and contents of the catalog. */
  public TilesetCatalog catalog() {
    return tilesets;
  }

  /** The current grid (reading the change log first). */
  public Grid grid() {
    changes.poll();
    return grids.grid();
  }

  /** tileset.json of a tileset in a view: content and subtree URIs carry the view's query. */
  public TileResource tileset(String tileset, View view) {
    Grid grid = grid();
    return new TileResource(
        new CacheEntry(TilesetJson.toBytes(tilesetModel(grid, tileset, view, view.query())), 0),
        TileResource.JSON,
        view.isPast(Instant.now()));
  }

  /** The tileset model; {@code query} is appended to the content and subtree URI templates. */
  public Tileset tilesetModel(Grid grid, String tileset, View view, String query) {
    List<ContentKind> kinds = contents(tileset);
    List<ContentLayer> layers = new ArrayList<>();
    LinkedHashSet<MetadataClass> classes = new LinkedHashSet<>();
    for (ContentKind k : kinds) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("code", k.code());
      group.put("name", k.nameZh());
      layers.add(new ContentLayer(k.prefix(), group));
      classes.addAll(sources.of(k).classes());
    }
    Tileset t =
        ImplicitTilesetFactory.create(
            grid.treeFor(kinds, view.heights()),
            grid.errors(),
            layers,
            List.copyOf(classes),
            grid.signature());
    return withQuery(t, query);
  }

  private static Tileset withQuery(Tileset t, String query) {
    if (query.isEmpty()) {
      return t;
    }
    Tile r = t.root();
    Tile.Content single =
        r.content() == null
            ? null
            : new Tile.Content(r.content().uri() + query, r.content().group());
    List<Tile.Content> many =
        r.contents() == null
            ? null
            : r.contents().stream().map(c -> new Tile.Content(c.uri() + query, c.group())).toList();
    Tile.ImplicitTiling it = r.implicitTiling();
    Tile.ImplicitTiling implicit =
        new Tile.ImplicitTiling(
            it.subdivisionScheme(),
            it.subtreeLevels(),
            it.availableLevels(),
            new Tile.Subtrees(it.subtrees().uri() + query));
    Tile root =
        new Tile(r.boundingVolume(), r.geometricError(), r.refine(), single, many, implicit);
    return new Tileset(t.asset(), t.schema(), t.groups(), t.geometricError(), root);
  }

  /** A subtree file of a tileset. */
  public TileResource subtree(String tileset, View view, TileCoord root) {
    Grid grid = grid();
    List<ContentKind> kinds = contents(tileset);
    if (!grid.tree().isSubtreeRoot(root) || root.level() >= grid.tree().availableLevels()) {
      throw new NoSuchElementException("no subtree " + root.path());
    }
    byte[] bytes = availability.subtree(grid, kinds, view, root);
    return new TileResource(
        new CacheEntry(bytes, changes.seq()), TileResource.SUBTREE, view.isPast(Instant.now()));
  }

  /** The availability of one content kind (for the export and tests). */
  public Availability availability(Grid grid, ContentKind kind, View view) {
    return availability.of(grid, kind, view);
  }

  /**
   * A tile content of a tileset; {@link NoSuchElementException} when the tileset lacks the content
   * or the tile has none.
   */
  public TileResource content(String tileset, ContentKind kind, TileCoord tile, View view) {
    if (!contents(tileset).contains(kind)) {
      throw new NoSuchElementException("tileset " + tileset + " has no content " + kind.prefix());
    }
    Grid grid = grid();
    if (tile.level() >= grid.tree().availableLevels()) {
      throw new NoSuchElementException("no tile " + tile.path());
    }
    ContentSource source = sources.of(kind);
    String key = contentKey(grid, kind, tile, view);
    Region region = grid.region(tile);
    CacheEntry e = cache.get(key);
    if (e == null || changes.changedSince(e.seq(), kind.layers(), region, source.reachMetres())) {
      long seq = changes.seq();
      if (!availability.of(grid, kind, view).tiles().contains(tile)) {
        throw new NoSuchElementException("no content at " + kind.prefix() + tile.path());
      }
      byte[] glb = build(grid, source, tile, view);
      e = new CacheEntry(glb, seq);
      cache.put(key, e);
    }
    return new TileResource(e, TileResource.GLB, view.isPast(Instant.now()));
  }

  /** True when a tile content is in the cache (memory or disk) for the current grid. */
  boolean isCached(ContentKind kind, TileCoord tile, View view) {
    return cache.get(contentKey(grid(), kind, tile, view)) != null;
  }

  private String contentKey(Grid grid, ContentKind kind, TileCoord tile, View view) {
    return namespace
        + "/"
        + grid.signature()
        + "/"
        + view.key()
        + "/"
        + kind.prefix()
        + tile.path()
        + ".glb";
  }

  /**
   * Builds a tile's GLB without the cache (the export uses it too); an available tile never answers
   * null.
   */
  public byte[] build(Grid grid, ContentSource source, TileCoord tile, View view) {
    byte[] glb = source.encode(grid, tile, view);
    return Optional.ofNullable(glb).orElseGet(() -> EmptyContent.glb(grid.region(tile)));
  }

  /** The content sources (for the export). */
  public ContentSources sources() {
    return sources;
  }

  /** Forgets the grid when a change lies outside it, so the extent is read again. */
  private void checkExtent() {
    Grid g = grids.grid();
    Region root = g.tree().root();
    for (Change c : changes.since(0)) {
      if (Math.toRadians(c.west()) < root.west()
          || Math.toRadians(c.east()) > root.east()
          || Math.toRadians(c.south()) < root.south()
          || Math.toRadians(c.north()) > root.north()) {
        grids.invalidate();
        return;
      }
    }
  }
}
