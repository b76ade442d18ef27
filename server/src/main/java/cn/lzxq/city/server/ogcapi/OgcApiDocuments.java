package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of OGC API Features: landing page, conformance, collections, queryables and
 * the OpenAPI 3.0 definition. Extents are the service area in CRS84 (longitude, latitude).
 */
final class OgcApiDocuments {

  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
          "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
          "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
          "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
          "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
          // OGC API - Processes - Part 1 (cn.lzxq.city.server.processes)
          "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
          "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
          "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
          "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
          // OGC API - Tiles - Part 1 and 2D Tile Matrix Set 2.0 (cn.lzxq.city.server.maptiles)
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/datetime",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/jpeg",
          "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
          "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LayerCatalog catalog;
  private final int nativeSrid;
  private final long maxLimit;

  OgcApiDocuments(int nativeSrid, long maxLimit, LayerCatalog catalog) {
    this.catalog = catalog;
    this.nativeSrid = nativeSrid;
    this.maxLimit = maxLimit;
  }

  ObjectNode landing(String base) {
    ObjectNode n = JSON.createObjectNode();
    n.put("title", "兰州新区三维城市信息服务 / Lanzhou New Area 3D City Information Service");
    n.put(
        "description",
        "OGC API Features (Parts 1-4) over the versioned city model; OGC API Processes (Part 1) for whole-area analyses");
    ArrayNode links = n.putArray("links");
    link(links, base, "self", "application/json", "this document");
    link(links, base + "?f=html", "alternate", "text/html", "this document as HTML");
    link(
        links,
        base + "/api",
        "service-desc",
        "application/vnd.oai.openapi+json;version=3.0",
        "the API definition");
    link(links, base + "/conformance", "conformance", "application/json", "conformance classes");
    link(links, base + "/collections", "data", "application/json", "the collections");
    link(
        links,
        base + "/tileMatrixSets",
        "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
        "application/json",
        "tile matrix sets");
    link(
        links,
        base + "/tiles",
        "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
        "application/json",
        "vector tiles of every layer");
    link(
        links,
        base + "/map/tiles",
        "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map",
        "application/json",
        "map tiles of the whole map");
    link(
        links,
        base + "/processes",
        "http://www.opengis.net/def/rel/ogc/1.0/processes",
        "application/json",
        "the processes (whole-area analyses as jobs)");
    link(
        links,
        base + "/jobs",
        "http://www.opengis.net/def/rel/ogc/1.0/job-list",
        "application/json",
        "the jobs");
    return n;
  }

  ObjectNode conformance() {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode a = n.putArray("conformsTo");
    CONFORMANCE.forEach(a::add);
    return n;
  }

  ObjectNode collections(String base) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode links = n.putArray("links");
    link(links, base + "/collections", "self", "application/json", "the collections");
    ArrayNode all = n.putArray("collections");
    catalog.vectors().forEach(l -> all.add(collection(base, l)));
    ArrayNode crs = n.putArray("crs");
    ServedCrs.forNative(nativeSrid).forEach(c -> crs.add(c.uri()));
    return n;
  }

  ObjectNode collection(String base, Layer l) {
    String self = base + "/collections/" + l.name();
    ObjectNode n = JSON.createObjectNode();
    n.put("id", l.name());
    n.put("title", l.titleZh() + " / " + l.titleEn());
    n.put("description", l.abstractEn());
    n.put("itemType", "feature");
    ObjectNode spatial = n.putObject("extent").putObject("spatial");
    ServiceArea a = ServiceArea.LANZHOU_NEW_AREA;
    spatial
        .putArray("bbox")
        .addArray()
        .add(a.minLon())
        .add(a.minLat())
        .add(a.maxLon())
        .add(a.maxLat());
    spatial.put("crs", CrsRef.CRS84.uri());
    ArrayNode crs = n.putArray("crs");
    crs.add(CrsRef.CRS84.uri());
    ServedCrs.forNative(nativeSrid).stream()
        .filter(c -> !c.equals(CrsRef.CRS84))
        .forEach(c -> crs.add(c.uri()));
    n.put("storageCrs", CrsRef.epsg(nativeSrid).uri());
    ArrayNode links = n.putArray("links");
    link(links, self, "self", "application/json", "this collection");
    link(links, self + "/items", "items", "application/geo+json", "the features");
    link(links, self + "/items?f=html", "items", "text/html", "the features as HTML");
    link(
        links,
        self + "/tiles",
        "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
        "application/json",
        "vector tiles");
    link(
        links,
        self + "/map/tiles",
        "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map",
        "application/json",
        "map tiles");
    link(
        links,
        self + "/queryables",
        "http://www.opengis.net/def/rel/ogc/1.0/queryables",
        "application/schema+json",
        "the queryable properties");
    return n;
  }

  ObjectNode queryables(String base, Layer l) {
    ObjectNode n = JSON.createObjectNode();
    n.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    n.put("$id", base + "/collections/" + l.name() + "/queryables");
    n.put("type", "object");
    n.put("title", l.titleEn());
    ObjectNode props = n.putObject("properties");
    props
        .putObject(l.geometryColumn())
        .put("title", "geometry")
        .put(
            "format",
            switch (l.geometryKind()) {
              case POINT -> "geometry-point";
              case LINE -> "geometry-linestring";
              case POLYGON -> "geometry-multipolygon";
            });
    for (Attribute a : l.attributes()) {
      ObjectNode p = props.putObject(a.name());
      p.put("title", a.titleZh() + " / " + a.titleEn());
      switch (a.type()) {
        case INTEGER, LONG -> p.put("type", "integer");
        case DECIMAL -> p.put("type", "number");
        case BOOLEAN -> p.put("type", "boolean");
        case DATE -> p.put("type", "string").put("format", "date");
        case TIMESTAMP -> p.put("type", "string").put("format", "date-time");
        default -> p.put("type", "string");
      }
    }
    props.putObject("valid_from").put("type", "string").put("format", "date-time");
    props.putObject("valid_to").put("type", "string").put("format", "date-time");
    n.put("additionalProperties", false);
    return n;
  }

  ObjectNode openApi(String base) {
    ObjectNode n = JSON.createObjectNode();
    n.put("openapi", "3.0.3");
    n.putObject("info").put("title", "Lanzhou New Area OGC API Features").put("version", "1.0.0");
    n.putArray("servers").addObject().put("url", base);
    ObjectNode paths = n.putObject("paths");
    get(paths, "/", "landing page", List.of());
    get(paths, "/conformance", "conformance classes", List.of());
    get(paths, "/api", "this API definition", List.of());
    get(paths, "/collections", "the collections", List.of());
    get(paths, "/collections/{collectionId}", "a collection", List.of("collectionId"));
    get(
        paths,
        "/collections/{collectionId}/queryables",
        "queryable properties",
        List.of("collectionId"));
    ObjectNode items =
        get(paths, "/collections/{collectionId}/items", "the features", List.of("collectionId"));
    ArrayNode params = (ArrayNode) items.get("get").get("parameters");
    for (String q :
        List.of(
            "bbox", "bbox-crs", "datetime", "crs", "filter", "filter-lang", "filter-crs", "f")) {
      params
          .addObject()
          .put("name", q)
          .put("in", "query")
          .put("required", false)
          .putObject("schema")
          .put("type", "string");
    }
    for (String q : List.of("limit", "offset")) {
      ObjectNode s =
          params
              .addObject()
              .put("name", q)
              .put("in", "query")
              .put("required", false)
              .putObject("schema");
      s.put("type", "integer").put("minimum", 0);
      if (q.equals("limit")) {
        s.put("maximum", maxLimit);
      }
    }
    operation(items, "post", "create a feature (Part 4)", "201");
    ObjectNode item =
        get(
            paths,
            "/collections/{collectionId}/items/{featureId}",
            "a feature",
            List.of("collectionId", "featureId"));
    operation(item, "put", "replace a feature (Part 4)", "204");
    operation(item, "patch", "update a feature (Part 4)", "204");
    operation(item, "delete", "delete a feature (Part 4)", "204");
    n.putObject("components")
        .putObject("securitySchemes")
        .putObject("basic")
        .put("type", "http")
        .put("scheme", "basic");
    return n;
  }

  private static ObjectNode get(
      ObjectNode paths, String path, String summary, List<String> pathParams) {
    ObjectNode p = paths.putObject(path);
    ObjectNode op = operation(p, "get", summary, "200");
    ArrayNode params = op.putArray("parameters");
    pathParams.forEach(
        name ->
            params
                .addObject()
                .put("name", name)
                .put("in", "path")
                .put("required", true)
                .putObject("schema")
                .put("type", "string"));
    return p;
  }

  private static ObjectNode operation(
      ObjectNode path, String method, String summary, String status) {
    ObjectNode op = path.putObject(method);
    op.put("summary", summary);
    op.putObject("responses").putObject(status).put("description", summary);
    if (!method.equals("get")) {
      op.putArray("security").addObject().putArray("basic");
    }
    return op;
  }

  static void link(ArrayNode links, String href, String rel, String type, String title) {
    links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
  }
}
