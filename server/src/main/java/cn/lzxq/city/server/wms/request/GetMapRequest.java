package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.data.crs.BboxParam;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import cn.lzxq.city.server.wms.WmsProperties;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A GetMap request (WMS 1.3.0 §7.3, plus the vendor parameters GeoServer clients send).
 *
 * @param layers LAYERS names (empty when an SLD names the layers)
 * @param styles STYLES names, one per layer or empty for the defaults
 * @param window CRS, BBOX (axis order applied), WIDTH, HEIGHT, DPI
 * @param format output format
 * @param transparent TRANSPARENT
 * @param background BGCOLOR
 * @param asOf TIME, null for now
 * @param sldBody SLD_BODY, or the document fetched from SLD, or null
 * @param cqlFilters CQL_FILTER, one per layer (semicolon-separated), or empty
 */
public record GetMapRequest(
    List<String> layers,
    List<String> styles,
    MapWindow window,
    ImageFormat format,
    boolean transparent,
    Color background,
    Instant asOf,
    String sldBody,
    List<String> cqlFilters) {

  public GetMapRequest {
    layers = List.copyOf(layers);
    styles = List.copyOf(styles);
    cqlFilters = List.copyOf(cqlFilters);
  }

  /** Parses the GetMap parameters. */
  public static GetMapRequest parse(
      KvpMap kvp, WmsProperties limits, int nativeSrid, String sldDocument) {
    return parse(
        kvp, limits, nativeSrid, sldDocument, ImageFormat.parse(kvp.require("FORMAT"), "FORMAT"));
  }

  /** Parses the map part of a GetFeatureInfo request, where FORMAT does not matter. */
  public static GetMapRequest parseMapPart(
      KvpMap kvp, WmsProperties limits, int nativeSrid, String sldDocument) {
    ImageFormat format =
        kvp.get("FORMAT").map(f -> ImageFormat.parse(f, "FORMAT")).orElse(ImageFormat.PNG);
    return parse(kvp, limits, nativeSrid, sldDocument, format);
  }

  private static GetMapRequest parse(
      KvpMap kvp, WmsProperties limits, int nativeSrid, String sldDocument, ImageFormat format) {
    List<String> layers = kvp.get("LAYERS").map(Params::list).orElse(List.of());
    if (layers.isEmpty() && sldDocument == null) {
      kvp.require("LAYERS");
    }
    if (layers.size() > limits.maxLayers()) {
      throw Params.invalid("LAYERS", "at most " + limits.maxLayers() + " layers per request");
    }
    List<String> styles = kvp.get("STYLES").map(Params::list).orElse(List.of());
    if (!styles.isEmpty()
        && styles.size() != layers.size()
        && !(styles.size() == 1 && styles.get(0).isEmpty())) {
      throw new OwsException(
          WmsCodes.STYLE_NOT_DEFINED,
          "STYLES",
          "STYLES must name one style per layer (or be empty)");
    }
    MapWindow window = window(kvp, limits, nativeSrid);
    Instant asOf = TimeParam.parse(kvp, limits.timeStart(), limits.timeEnd());
    List<String> cql = kvp.get("CQL_FILTER").map(v -> List.of(v.split(";", -1))).orElse(List.of());
    return new GetMapRequest(
        layers,
        styles,
        window,
        format,
        Params.bool(kvp, "TRANSPARENT"),
        Params.color(kvp, "BGCOLOR"),
        asOf,
        sldDocument,
        cql);
  }

  /** The style asked for layer {@code i}, or "" for its default. */
  public String styleOf(int i) {
    return i < styles.size() ? styles.get(i) : "";
  }

  /** The CQL filter text for layer {@code i}, if one was given. */
  public Optional<String> cqlOf(int i) {
    if (cqlFilters.isEmpty()) {
      return Optional.empty();
    }
    String text =
        cqlFilters.size() == 1 ? cqlFilters.get(0) : i < cqlFilters.size() ? cqlFilters.get(i) : "";
    return text.isBlank() || text.trim().equalsIgnoreCase("INCLUDE")
        ? Optional.empty()
        : Optional.of(text);
  }

  private static MapWindow window(KvpMap kvp, WmsProperties limits, int nativeSrid) {
    boolean v13 = !kvp.get("VERSION").orElse("1.3.0").startsWith("1.1");
    String crsKey = v13 || kvp.has("CRS") ? "CRS" : "SRS";
    CrsRef crs;
    String code = kvp.require(crsKey);
    try {
      crs = CrsRef.parse(code);
    } catch (IllegalArgumentException e) {
      throw new OwsException(WmsCodes.INVALID_CRS, crsKey, "unknown CRS '" + code + "'");
    }
    if (!ServedCrs.offered(crs, nativeSrid)) {
      throw new OwsException(
          WmsCodes.INVALID_CRS,
          crsKey,
          "CRS "
              + code
              + " is not offered; use one of "
              + ServedCrs.forNative(nativeSrid).stream().map(CrsRef::code).toList());
    }
    BboxParam b;
    try {
      b = BboxParam.parse(kvp.require("BBOX"), false, false);
    } catch (NumberFormatException e) {
      throw Params.invalid(
          "BBOX", "BBOX holds a value that is not a number: " + kvp.require("BBOX"));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("BBOX", "BBOX needs 4 comma-separated numbers");
    }
    if (!b.ordered() || !Double.isFinite(b.a2() - b.a1()) || !Double.isFinite(b.b2() - b.b1())) {
      throw Params.invalid("BBOX", "BBOX minimum must be below the maximum on both axes");
    }
    // WMS 1.3.0 follows the CRS's axis order; 1.1.x always sends x (easting/longitude) first.
    Envelope bbox = v13 ? b.envelope(crs) : b.eastNorth();
    int width = Params.positiveInt(kvp, "WIDTH");
    int height = Params.positiveInt(kvp, "HEIGHT");
    if (width > limits.maxWidth() || height > limits.maxHeight()) {
      throw Params.invalid(
          width > limits.maxWidth() ? "WIDTH" : "HEIGHT",
          "the image may be at most " + limits.maxWidth() + "×" + limits.maxHeight() + " pixels");
    }
    return new MapWindow(crs, bbox, width, height, Params.dpi(kvp));
  }
}
