package cn.lzxq.city.server.maptiles;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of OGC API – Tiles 1.0 (OGC 20-057): tile matrix sets in the OGC 2D Tile
 * Matrix Set 2.0 JSON encoding (OGC 17-083r4), tileset lists and tileset metadata.
 */
final class TilesDocuments {

  /** Relation types of OGC API – Tiles. */
  static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

  static final String REL_TILESETS_VECTOR =
      "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String REL_TILESETS_MAP = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";
  static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";

  static final String MVT = "application/vnd.mapbox-vector-tile";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TilesDocuments() {}

  static ObjectNode matrixSetList(List<TileMatrixSet> sets, String base) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode list = n.putArray("tileMatrixSets");
    for (TileMatrixSet s : sets) {
      ObjectNode e = list.addObject();
      e.put("id", s.id());
      e.put("title", s.title());
      if (s.uri() != null) {
        e.put("uri", s.uri());
      }
      link(e.putArray("links"), base + "/tileMatrixSets/" + s.id(), "self", "application/json");
    }
    return n;
  }

  /** A set in the 2D TMS 2.0 JSON encoding; points in the CRS's axis order. */
  static ObjectNode matrixSet(TileMatrixSet s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", s.id());
    n.put("title", s.title());
    if (s.uri() != null) {
      n.put("uri", s.uri());
    }
    n.put("crs", s.crs().uri());
    boolean northFirst = s.crs().axisOrder().northFirst();
    ArrayNode axes = n.putArray("orderedAxes");
    if (s.crs().geographic()) {
      axes.add(northFirst ? "Lat" : "Lon").add(northFirst ? "Lon" : "Lat");
    } else {
      axes.add(northFirst ? "N" : "X").add(northFirst ? "E" : "Y");
    }
    if (s.wellKnownScaleSet() != null) {
      n.put("wellKnownScaleSet", s.wellKnownScaleSet());
    }
    ArrayNode matrices = n.putArray("tileMatrices");
    for (int z = 0; z <= s.maxLevel(); z++) {
      ObjectNode m = matrices.addObject();
      m.put("id", String.valueOf(z));
      m.put("scaleDenominator", s.scaleDenominator(z));
      m.put("cellSize", s.cellSize(z));
      m.put("cornerOfOrigin", "topLeft");
      ArrayNode origin = m.putArray("pointOfOrigin");
      if (northFirst) {
        origin.add(s.top()).add(s.left());
      } else {
        origin.add(s.left()).add(s.top());
      }
      m.put("tileWidth", TileMatrixSet.TILE_SIZE);
      m.put("tileHeight", TileMatrixSet.TILE_SIZE);
      m.put("matrixWidth", s.matrixWidth(z));
      m.put("matrixHeight", s.matrixHeight(z));
    }
    return n;
  }

  /**
   * A tileset list: one tileset per set under {@code tilesBase} ({@code …/tiles} or {@code
   * …/map/tiles}).
   */
  static ObjectNode tilesetList(
      List<TileMatrixSet> sets, String apiBase, String tilesBase, String title, boolean vector) {
    ObjectNode n = JSON.createObjectNode();
    link(n.putArray("links"), tilesBase, "self", "application/json");
    ArrayNode list = n.putArray("tilesets");
    for (TileMatrixSet s : sets) {
      ObjectNode t = list.addObject();
      t.put("title", title + " (" + s.id() + ")");
      t.put("dataType", vector ? "vector" : "map");
      t.put("crs", s.crs().uri());
      t.put("tileMatrixSetURI", tileMatrixSetUri(s, apiBase));
      ArrayNode links = t.putArray("links");
      link(links, tilesBase + "/" + s.id(), "self", "application/json");
      link(links, apiBase + "/tileMatrixSets/" + s.id(), REL_TILING_SCHEME, "application/json");
    }
    return n;
  }

  /**
   * The URI naming a tileset's matrix set: the OGC registry's for a registered set, else the
   * service's own definition of it (CGCS2000Quad, the native set), so a client choosing a set by
   * its URI (GDAL's {@code TILEMATRIXSET} open option) finds the unregistered ones too.
   */
  private static String tileMatrixSetUri(TileMatrixSet s, String apiBase) {
    return s.uri() != null ? s.uri() : apiBase + "/tileMatrixSets/" + s.id();
  }

  /** The metadata of one tileset, with the templated tile link. */
  static ObjectNode tileset(
      TileMatrixSet s,
      String apiBase,
      String tilesBase,
      String title,
      boolean vector,
      List<String> layerIds) {
    ObjectNode t = JSON.createObjectNode();
    t.put("title", title);
    t.put("dataType", vector ? "vector" : "map");
    t.put("crs", s.crs().uri());
    t.put("tileMatrixSetURI", tileMatrixSetUri(s, apiBase));
    ArrayNode links = t.putArray("links");
    String self = tilesBase + "/" + s.id();
    link(links, self, "self", "application/json");
    link(links, apiBase + "/tileMatrixSets/" + s.id(), REL_TILING_SCHEME, "application/json");
    String template = self + "/{tileMatrix}/{tileRow}/{tileCol}";
    if (vector) {
      link(links, template, "item", MVT).put("templated", true);
    } else {
      link(links, template + "?f=png", "item", "image/png").put("templated", true);
      link(links, template + "?f=jpeg", "item", "image/jpeg").put("templated", true);
    }
    if (vector) {
      ArrayNode layers = t.putArray("layers");
      layerIds.forEach(id -> layers.addObject().put("id", id).put("dataType", "vector"));
    }
    return t;
  }

  static ObjectNode link(ArrayNode links, String href, String rel, String type) {
    ObjectNode l = links.addObject();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    return l;
  }
}
