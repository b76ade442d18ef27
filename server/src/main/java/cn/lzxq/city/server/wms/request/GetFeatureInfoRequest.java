package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import cn.lzxq.city.server.wms.WmsProperties;
import java.util.List;
import java.util.Locale;

/**
 * A GetFeatureInfo request (WMS 1.3.0 §7.4): the map it was clicked on, the layers to query, the
 * pixel (I, J; X, Y in 1.1.x), the answer format and the most features per layer.
 *
 * @param map the map part
 * @param queryLayers QUERY_LAYERS
 * @param infoFormat INFO_FORMAT
 * @param i pixel column, 0 at the left
 * @param j pixel row, 0 at the top
 * @param featureCount FEATURE_COUNT (most features per layer)
 * @param tolerancePx search radius around the pixel (vendor BUFFER), pixels
 */
public record GetFeatureInfoRequest(
    GetMapRequest map,
    List<String> queryLayers,
    InfoFormat infoFormat,
    int i,
    int j,
    int featureCount,
    int tolerancePx) {

  /** The GetFeatureInfo formats. */
  public enum InfoFormat {
    JSON("application/json"),
    HTML("text/html"),
    TEXT("text/plain"),
    GML("application/vnd.ogc.gml"),
    XML("text/xml");

    private final String mimeType;

    InfoFormat(String mimeType) {
      this.mimeType = mimeType;
    }

    public String mimeType() {
      return mimeType;
    }

    /** The format named by a MIME type (or {@code json}); InvalidFormat otherwise. */
    public static InfoFormat parse(String value) {
      String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
      for (InfoFormat f : values()) {
        if (v.equals(f.mimeType) || v.startsWith(f.mimeType + ";")) {
          return f;
        }
      }
      if (v.equals("application/geo+json") || v.equals("json")) {
        return JSON;
      }
      throw new OwsException(
          WmsCodes.INVALID_FORMAT,
          "INFO_FORMAT",
          "INFO_FORMAT '"
              + value
              + "' is not offered; use one of "
              + List.of(values()).stream().map(InfoFormat::mimeType).toList());
    }
  }

  /** Parses the GetFeatureInfo parameters. */
  public static GetFeatureInfoRequest parse(KvpMap kvp, WmsProperties limits, int nativeSrid) {
    GetMapRequest map = GetMapRequest.parseMapPart(kvp, limits, nativeSrid, null);
    List<String> queryLayers = Params.list(kvp.require("QUERY_LAYERS"));
    InfoFormat format = InfoFormat.parse(kvp.require("INFO_FORMAT"));
    boolean v13 = !kvp.get("VERSION").orElse("1.3.0").startsWith("1.1");
    int i = pixel(kvp, v13 || kvp.has("I") ? "I" : "X", map.window().width());
    int j = pixel(kvp, v13 || kvp.has("J") ? "J" : "Y", map.window().height());
    int count = Params.optionalInt(kvp, "FEATURE_COUNT").orElse(1);
    if (count < 1) {
      throw Params.invalid("FEATURE_COUNT", "FEATURE_COUNT must be at least 1");
    }
    int tolerance = Params.optionalInt(kvp, "BUFFER").orElse(limits.infoTolerancePx());
    return new GetFeatureInfoRequest(
        map,
        queryLayers,
        format,
        i,
        j,
        Math.min(count, limits.maxFeatureCount()),
        Math.max(0, Math.min(tolerance, 64)));
  }

  private static int pixel(KvpMap kvp, String key, int size) {
    String v = kvp.require(key);
    try {
      int p = Integer.parseInt(v);
      if (p >= 0 && p < size) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OwsException(
        WmsCodes.INVALID_POINT,
        key,
        key + " must be a pixel inside the map (0…" + (size - 1) + "), not '" + v + "'");
  }
}
