package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.crs.BboxParam;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.cql.Cql2Json;
import cn.lzxq.city.data.query.cql.Cql2Text;
import cn.lzxq.city.data.query.cql.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query parameters of {@code items}: bbox, bbox-crs, datetime, limit, offset, crs,
 * filter, filter-lang, filter-crs, f. Unknown parameters are a 400 (Part 1
 * /req/core/query-param-unknown).
 */
final class ItemsParser {

  private static final Set<String> KNOWN =
      Set.of(
          "bbox",
          "bbox-crs",
          "datetime",
          "limit",
          "offset",
          "crs",
          "filter",
          "filter-lang",
          "filter-crs",
          "f");

  private final int nativeSrid;
  private final OgcApiProperties settings;

  ItemsParser(int nativeSrid, OgcApiProperties settings) {
    this.nativeSrid = nativeSrid;
    this.settings = settings;
  }

  ItemsRequest parse(Layer layer, Map<String, String> q, boolean html) {
    for (String k : q.keySet()) {
      if (!KNOWN.contains(k)) {
        throw new OgcApiException(400, "unknown query parameter '" + k + "'");
      }
    }
    List<Filter> parts = new ArrayList<>();
    if (q.containsKey("bbox")) {
      parts.add(
          bbox(q.get("bbox"), crs(q.getOrDefault("bbox-crs", CrsRef.CRS84.uri()), "bbox-crs")));
    }
    if (q.containsKey("filter")) {
      CrsRef filterCrs = crs(q.getOrDefault("filter-crs", CrsRef.CRS84.uri()), "filter-crs");
      String lang = q.getOrDefault("filter-lang", "cql2-text");
      parts.add(
          switch (lang) {
            case "cql2-text" -> Cql2Text.parse(q.get("filter"), filterCrs, FilterLimits.DEFAULT);
            case "cql2-json" -> Cql2Json.parse(q.get("filter"), filterCrs, FilterLimits.DEFAULT);
            default -> throw new OgcApiException(400, "filter-lang must be cql2-text or cql2-json");
          });
    }
    long limit =
        Math.min(number(q.get("limit"), settings.defaultLimit(), "limit"), settings.maxLimit());
    long offset = number(q.get("offset"), 0, "offset");
    CrsRef crs = crs(q.getOrDefault("crs", CrsRef.CRS84.uri()), "crs");
    return new ItemsRequest(
        layer,
        Filter.and(parts),
        datetime(q.get("datetime")),
        limit,
        offset,
        crs,
        html || "html".equals(q.get("f")));
  }

  /** An offered CRS named by URI (or any form {@link CrsRef#parse} reads); 400 otherwise. */
  CrsRef crs(String text, String parameter) {
    try {
      CrsRef crs = CrsRef.parse(text.replaceAll("^\\[|]$", ""));
      if (ServedCrs.offered(crs, nativeSrid)) {
        return crs;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new OgcApiException(400, parameter + " '" + text + "' is not offered");
  }

  private static Filter bbox(String text, CrsRef crs) {
    try {
      return new Filter.BBox(BboxParam.parse(text, false, true).envelope(crs), crs.srid());
    } catch (NumberFormatException e) {
      throw new OgcApiException(400, "bbox values must be numbers");
    } catch (IllegalArgumentException e) {
      throw new OgcApiException(400, "bbox needs 4 or 6 numbers");
    }
  }

  private static long number(String text, long fallback, String name) {
    if (text == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OgcApiException(400, name + " must be a non-negative integer");
  }

  /** The as-of time of {@code datetime}: the instant, or the end of an interval (now when open). */
  private static Instant datetime(String text) {
    if (text == null) {
      return null;
    }
    try {
      String[] parts = text.split("/");
      String t = parts[parts.length - 1];
      return t.equals("..") || t.isEmpty() ? null : Times.parse(t);
    } catch (RuntimeException e) {
      throw new OgcApiException(400, "datetime must be an RFC 3339 instant or interval");
    }
  }
}
