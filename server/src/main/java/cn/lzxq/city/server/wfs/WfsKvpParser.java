package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.crs.BboxParam;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.SortKey;
import cn.lzxq.city.data.query.fes.FesFilterReader;
import cn.lzxq.city.server.encode.OutputFormat;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses WFS key-value requests (GET, or POST as a form) into {@link WfsRequest} records, accepting
 * the lenient variants clients send: TYPENAME, MAXFEATURES, FEATUREID, PropertyName, a
 * namespace-less FILTER, A/D sort orders, FME's outputFormat strings.
 */
final class WfsKvpParser {

  private final LayerCatalog catalog;
  private final int nativeSrid;
  private final WfsProperties settings;
  private final FilterLimits limits;

  WfsKvpParser(int nativeSrid, WfsProperties settings, FilterLimits limits, LayerCatalog catalog) {
    this.catalog = catalog;
    this.nativeSrid = nativeSrid;
    this.settings = settings;
    this.limits = limits;
  }

  /**
   * @param queryString the raw query string (for next/previous links), or null
   */
  WfsRequest parse(KvpMap kvp, String queryString) {
    String request =
        kvp.get("REQUEST")
            .orElseThrow(
                () ->
                    new OwsException(
                        OwsException.MISSING_PARAMETER_VALUE,
                        "request",
                        "parameter REQUEST is missing"));
    String service =
        kvp.get("SERVICE")
            .orElseThrow(
                () ->
                    new OwsException(
                        OwsException.MISSING_PARAMETER_VALUE,
                        "service",
                        "parameter SERVICE is missing"));
    if (!service.equalsIgnoreCase("WFS")) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE, "service", "SERVICE must be WFS");
    }
    String version =
        request.equalsIgnoreCase("GetCapabilities")
            ? WfsParams.capabilitiesVersion(
                kvp.get("ACCEPTVERSIONS").orElse(null), kvp.get("VERSION").orElse(null))
            : WfsParams.version(kvp.get("VERSION").orElse(null));
    return switch (request.toLowerCase(Locale.ROOT)) {
      case "getcapabilities" -> new WfsRequest.GetCapabilities(version);
      case "describefeaturetype" ->
          new WfsRequest.DescribeFeatureType(
              version,
              kvp.first("TYPENAMES", "TYPENAME")
                  .map(t -> WfsParams.layers(catalog, t, "TYPENAMES"))
                  .orElse(List.of()));
      case "getfeature" ->
          kvp.get("STOREDQUERY_ID")
              .filter(id -> !id.equals(WfsParams.GET_FEATURE_BY_ID))
              .<WfsRequest>map(id -> new WfsRequest.RunStoredQuery(version, id, kvp))
              .orElseGet(() -> getFeature(kvp, version, queryString));
      case "getpropertyvalue" ->
          new WfsRequest.GetPropertyValue(
              version,
              getFeature(kvp, version, queryString),
              WfsParams.propertyName(kvp.require("VALUEREFERENCE")));
      case "liststoredqueries" -> new WfsRequest.ListStoredQueries(version);
      case "describestoredqueries" ->
          new WfsRequest.DescribeStoredQueries(
              version,
              kvp.get("STOREDQUERY_ID").map(s -> Arrays.asList(s.split(","))).orElse(List.of()));
      case "lockfeature" ->
          new WfsRequest.LockFeature(
              version,
              kvp.get("LOCKID").isPresent() ? List.of() : getFeature(kvp, version, null).queries(),
              kvp.get("EXPIRY").map(e -> WfsParams.expiry(e, version)).orElse(null),
              WfsParams.lockAll(kvp.get("LOCKACTION").orElse(null), "LOCKACTION"),
              kvp.get("LOCKID").orElse(null));
      case "getfeaturewithlock" ->
          new WfsRequest.GetFeatureWithLock(
              getFeature(kvp, version, null),
              kvp.get("EXPIRY").map(e -> WfsParams.expiry(e, version)).orElse(null),
              WfsParams.lockAll(kvp.get("LOCKACTION").orElse(null), "LOCKACTION"));
      case "releaselock" -> new WfsRequest.ReleaseLock(version, kvp.require("LOCKID"));
      case "transaction" ->
          throw new OwsException(
              OwsException.OPERATION_NOT_SUPPORTED,
              "request",
              "Transaction is accepted as XML POST only");
      default ->
          throw new OwsException(
              OwsException.OPERATION_NOT_SUPPORTED, "request", "unknown request '" + request + "'");
    };
  }

  private WfsRequest.GetFeature getFeature(KvpMap kvp, String version, String queryString) {
    boolean v1 = version.equals("1.0.0");
    CrsRef srs =
        kvp.get("SRSNAME").map(s -> WfsParams.crs(s, nativeSrid)).orElse(CrsRef.epsg(nativeSrid));
    OutputFormat format =
        kvp.get("OUTPUTFORMAT").map(WfsParams::format).orElse(WfsParams.defaultFormat(version));
    long count =
        Math.min(
            kvp.first("COUNT", "MAXFEATURES")
                .map(c -> WfsParams.nonNegative(c, "COUNT"))
                .orElse(settings.countDefault()),
            settings.maxCount());
    long start = kvp.get("STARTINDEX").map(s -> WfsParams.nonNegative(s, "STARTINDEX")).orElse(0L);
    WfsRequest.ResultType resultType =
        kvp.get("RESULTTYPE").map(WfsKvpParser::resultType).orElse(WfsRequest.ResultType.RESULTS);
    Instant asOf = kvp.get("ASOF").map(WfsParams::asOf).orElse(null);
    List<SortKey> sort = kvp.get("SORTBY").map(WfsParams::sort).orElse(List.of());

    String storedQuery = kvp.get("STOREDQUERY_ID").orElse(null);
    boolean byId = storedQuery != null;
    List<String> ids;
    if (byId) {
      if (!storedQuery.equals(WfsParams.GET_FEATURE_BY_ID)) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "STOREDQUERY_ID",
            "unknown stored query '" + storedQuery + "'");
      }
      ids = List.of(WfsParams.knownFeatureId(catalog, kvp.require("ID")));
    } else {
      ids =
          kvp.first("RESOURCEID", "FEATUREID")
              .map(r -> Arrays.asList(r.split(",")))
              .orElse(List.of());
    }
    List<Layer> layers =
        kvp.first("TYPENAMES", "TYPENAME")
            .map(t -> WfsParams.layers(catalog, t, "TYPENAMES"))
            .orElseGet(() -> layersOfIds(catalog, ids));
    if (layers.isEmpty()) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "TYPENAMES", "parameter TYPENAMES is missing");
    }
    List<String> filters = kvp.get("FILTER").map(WfsKvpParser::splitGroups).orElse(List.of());
    Filter bbox = kvp.get("BBOX").map(b -> bbox(b, srs, v1)).orElse(Filter.all());
    List<String> propertyNames =
        kvp.get("PROPERTYNAME")
            .map(p -> Arrays.asList(p.replace("(", "").replace(")", "").split(",")))
            .orElse(List.of());

    List<WfsRequest.Query> queries = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      List<Filter> parts = new ArrayList<>(List.of(bbox));
      if (!filters.isEmpty()) {
        parts.add(
            new FesFilterReader(srs, v1, limits)
                .parse(filters.get(Math.min(i, filters.size() - 1))));
      }
      if (!ids.isEmpty()) {
        parts.add(idsOf(layer, ids));
      }
      queries.add(query(layer, Filter.and(parts), propertyNames, sort, srs, asOf));
    }
    String pagingBase = queryString == null ? null : withoutPaging(queryString);
    return new WfsRequest.GetFeature(
        version, queries, start, count, resultType, format, byId, pagingBase);
  }

  /** A query with the PROPERTYNAME selection applied (the geometry is a property too). */
  static WfsRequest.Query query(
      Layer layer,
      Filter filter,
      List<String> propertyNames,
      List<SortKey> sort,
      CrsRef srs,
      Instant asOf) {
    List<String> names =
        propertyNames.stream().map(WfsParams::propertyName).filter(n -> !n.isBlank()).toList();
    boolean withGeometry =
        names.isEmpty() || names.contains(layer.geometryColumn()) || names.contains("*");
    List<String> attributes =
        names.stream()
            .filter(
                n ->
                    !n.equals(layer.geometryColumn())
                        && !n.equals("*")
                        && !n.equals("valid_from")
                        && !n.equals("valid_to"))
            .toList();
    for (String n : attributes) {
      if (layer.attribute(n).isEmpty()) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "PROPERTYNAME",
            "feature type " + layer.name() + " has no property '" + n + "'");
      }
    }
    for (SortKey k : sort) {
      String n = WfsParams.propertyName(k.property());
      if (layer.attribute(n).isEmpty() && !List.of("fid", "valid_from", "valid_to").contains(n)) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "SORTBY",
            "feature type " + layer.name() + " has no property '" + n + "' to sort by");
      }
    }
    return new WfsRequest.Query(layer, filter, attributes, withGeometry, sort, srs, asOf);
  }

  /** The layers named by id prefixes ({@code pipe_js.12}); every layer for bare numbers. */
  static List<Layer> layersOfIds(LayerCatalog catalog, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (ids.stream().anyMatch(id -> id.indexOf('.') < 0)) {
      return catalog.vectors();
    }
    return ids.stream()
        .map(id -> id.substring(0, id.lastIndexOf('.')))
        .distinct()
        .map(
            n ->
                catalog
                    .findVector(n.trim())
                    .orElseThrow(
                        () ->
                            new OwsException(
                                OwsException.INVALID_PARAMETER_VALUE,
                                "RESOURCEID",
                                "unknown feature type in id '" + n + "'")))
        .toList();
  }

  /** The ids that can belong to the layer (its prefix, or none). */
  static Filter idsOf(Layer layer, List<String> ids) {
    List<Long> fids = new ArrayList<>();
    for (String id : ids) {
      String t = id.trim();
      int dot = t.lastIndexOf('.');
      if (dot < 0 || t.substring(0, dot).equals(layer.name())) {
        fids.add(FesFilterReader.parseId(t, "RESOURCEID"));
      } else {
        FesFilterReader.parseId(t, "RESOURCEID");
      }
    }
    return new Filter.ResourceIds(fids);
  }

  private Filter bbox(String value, CrsRef srs, boolean eastNorth) {
    BboxParam b;
    try {
      b = BboxParam.parse(value, true, false);
    } catch (NumberFormatException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE, "BBOX", "BBOX values must be numbers");
    } catch (IllegalArgumentException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "BBOX",
          "BBOX needs four numbers and an optional CRS");
    }
    CrsRef crs = b.crsName() != null ? WfsParams.crs(b.crsName(), nativeSrid) : srs;
    return new Filter.BBox(eastNorth ? b.eastNorth() : b.envelope(crs), crs.srid());
  }

  private static WfsRequest.ResultType resultType(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "results" -> WfsRequest.ResultType.RESULTS;
      case "hits" -> WfsRequest.ResultType.HITS;
      default ->
          throw new OwsException(
              OwsException.INVALID_PARAMETER_VALUE, "RESULTTYPE", "RESULTTYPE is results or hits");
    };
  }

  /** {@code (a)(b)} → [a, b]; a value without leading parenthesis is one group. */
  static List<String> splitGroups(String value) {
    String v = value.trim();
    if (!v.startsWith("(")) {
      return List.of(v);
    }
    List<String> groups = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '(' && depth++ == 0) {
        start = i + 1;
      } else if (c == ')' && --depth == 0) {
        groups.add(v.substring(start, i));
      }
    }
    return groups.isEmpty() ? List.of(v) : groups;
  }

  private static String withoutPaging(String queryString) {
    return Arrays.stream(queryString.split("&"))
        .filter(
            p -> {
              String k = p.split("=", 2)[0].toUpperCase(Locale.ROOT);
              return !k.equals("STARTINDEX") && !k.equals("COUNT") && !k.equals("MAXFEATURES");
            })
        .collect(Collectors.joining("&"));
  }
}
