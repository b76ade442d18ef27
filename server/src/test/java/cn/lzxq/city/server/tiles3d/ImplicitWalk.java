package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.geo.Ellipsoid;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's view of a served implicit tileset: reads tileset.json and the subtrees over HTTP,
 * lists the available contents, and simulates which contents CesiumJS requests for a camera.
 */
final class ImplicitWalk {

  /** One available content of one tile. */
  record Content(TileCoord tile, int index, String url) {}

  final String base;
  final JsonNode tileset;
  final ImplicitQuadtree tree;
  final double rootError;
  final List<String> templates = new ArrayList<>();
  final String subtreeTemplate;
  final Map<TileCoord, SubtreeFile> subtrees = new HashMap<>();
  int subtreeRequests;

  /**
   * @param tilesetUrl e.g. http://localhost:8080/3dtiles/city/tileset.json?asOf=…
   */
  ImplicitWalk(String tilesetUrl) {
    int q = tilesetUrl.indexOf('?');
    String path = q < 0 ? tilesetUrl : tilesetUrl.substring(0, q);
    base = path.substring(0, path.lastIndexOf('/') + 1);
    tileset = JsonMapper.builder().build().readTree(HttpBytes.ok(tilesetUrl));
    JsonNode root = tileset.get("root");
    JsonNode r = root.at("/boundingVolume/region");
    JsonNode it = root.get("implicitTiling");
    tree =
        new ImplicitQuadtree(
            new Region(
                r.get(0).asDouble(),
                r.get(1).asDouble(),
                r.get(2).asDouble(),
                r.get(3).asDouble(),
                r.get(4).asDouble(),
                r.get(5).asDouble()),
            it.get("availableLevels").asInt(),
            it.get("subtreeLevels").asInt());
    rootError = root.get("geometricError").asDouble();
    if (root.has("content")) {
      templates.add(root.at("/content/uri").asString());
    } else {
      root.get("contents").forEach(c -> templates.add(c.get("uri").asString()));
    }
    subtreeTemplate = it.at("/subtrees/uri").asString();
  }

  private static String expand(String template, TileCoord t) {
    return template
        .replace("{level}", Integer.toString(t.level()))
        .replace("{x}", Long.toString(t.x()))
        .replace("{y}", Long.toString(t.y()));
  }

  SubtreeFile subtreeOf(TileCoord tile) {
    TileCoord root = tree.subtreeRootOf(tile);
    return subtrees.computeIfAbsent(
        root,
        r -> {
          subtreeRequests++;
          return new SubtreeFile(HttpBytes.ok(base + expand(subtreeTemplate, r)));
        });
  }

  private int index(TileCoord tile) {
    TileCoord root = tree.subtreeRootOf(tile);
    int d = tile.level() - root.level();
    return (int) (((1L << (2 * d)) - 1) / 3 + tile.mortonRelativeTo(root));
  }

  boolean available(TileCoord tile) {
    if (tile.level() > 0 && tree.isSubtreeRoot(tile)) {
      TileCoord parentRoot = tree.subtreeRootOf(tile.parent());
      if (!subtreeOf(parentRoot).childSubtree((int) tile.mortonRelativeTo(parentRoot))) {
        return false;
      }
    }
    return subtreeOf(tile).tile(index(tile));
  }

  boolean hasContent(TileCoord tile, int content) {
    return subtreeOf(tile).content(content, index(tile));
  }

  Content content(TileCoord tile, int i) {
    return new Content(tile, i, base + expand(templates.get(i), tile));
  }

  /** Every available content, depth first. */
  List<Content> allContents() {
    List<Content> out = new ArrayList<>();
    collect(TileCoord.ROOT, out);
    return out;
  }

  private void collect(TileCoord t, List<Content> out) {
    if (!available(t)) {
      return;
    }
    for (int i = 0; i < templates.size(); i++) {
      if (hasContent(t, i)) {
        out.add(content(t, i));
      }
    }
    if (t.level() + 1 < tree.availableLevels()) {
      t.children().forEach(c -> collect(c, out));
    }
  }

  /**
   * The contents CesiumJS (default settings: maximumScreenSpaceError 16, ADD refinement, no
   * skipping) requests for a camera looking straight down from {@code heightM} above the root's
   * centre, on a 1920 × 1080 canvas with the default 60° field of view (the horizontal angle on a
   * landscape canvas, so fovy ≈ 36°). A tile is visited when its region meets the camera's ground
   * footprint; it refines when its screen-space error GE·1080/(d·2·tan(fovy/2)) exceeds 16, d being
   * the distance from the camera to the nearest point of its region.
   */
  List<Content> cesiumRequests(double heightM) {
    Region r = tree.root();
    GeoPoint nadir =
        new GeoPoint(
            Math.toDegrees((r.west() + r.east()) / 2),
            Math.toDegrees((r.south() + r.north()) / 2),
            0);
    double tanHalfX = Math.tan(Math.toRadians(30));
    double tanHalfY = tanHalfX * 1080 / 1920;
    double halfW = heightM * tanHalfX;
    double halfH = heightM * tanHalfY;
    Vec3 eye = Ellipsoid.WGS84.toEcef(nadir.withHeight(heightM));
    List<Content> out = new ArrayList<>();
    visit(TileCoord.ROOT, nadir, halfW, halfH, eye, 2 * tanHalfY, out);
    return out;
  }

  private void visit(
      TileCoord t,
      GeoPoint nadir,
      double halfW,
      double halfH,
      Vec3 eye,
      double sseDenominator,
      List<Content> out) {
    Region region = tree.regionOf(t);
    double radius = 6_371_000;
    double cos = Math.cos(nadir.latRad());
    double west = (region.west() - nadir.lonRad()) * radius * cos;
    double east = (region.east() - nadir.lonRad()) * radius * cos;
    double south = (region.south() - nadir.latRad()) * radius;
    double north = (region.north() - nadir.latRad()) * radius;
    if (!available(t) || east < -halfW || west > halfW || north < -halfH || south > halfH) {
      return;
    }
    for (int i = 0; i < templates.size(); i++) {
      if (hasContent(t, i)) {
        out.add(content(t, i));
      }
    }
    double lon = Math.max(region.west(), Math.min(region.east(), nadir.lonRad()));
    double lat = Math.max(region.south(), Math.min(region.north(), nadir.latRad()));
    GeoPoint eyeGeo = Ellipsoid.WGS84.toGeodetic(eye);
    double h = Math.max(region.minHeight(), Math.min(region.maxHeight(), eyeGeo.height()));
    double distance =
        Math.max(
            1e-3,
            eye.distance(
                Ellipsoid.WGS84.toEcef(new GeoPoint(Math.toDegrees(lon), Math.toDegrees(lat), h))));
    double error = rootError / Math.pow(2, t.level());
    double sse = error * 1080 / (distance * sseDenominator);
    if (sse > 16 && t.level() + 1 < tree.availableLevels()) {
      t.children().forEach(c -> visit(c, nadir, halfW, halfH, eye, sseDenominator, out));
    }
  }
}
