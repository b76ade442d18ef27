package cn.lzxq.city.server.wms.capabilities;

import cn.lzxq.city.data.crs.CrsRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What the WMS 1.3.0 and 1.1.1 capabilities documents share: the service description, the union of
 * the layer extents, number formatting and the GetLegendGraphic URL of a style.
 */
final class CapabilityParts {

  static final String TITLE = "兰州新区三维城市信息服务 · 地图服务";
  static final String ABSTRACT =
      "Lanzhou New Area 3D City Information Service: the six CJJ 61 utility networks, "
          + "pipe points, mobile base stations and antenna sectors, the regulatory zoning plan (GB 50137), roads and "
          + "construction projects, versioned in time (TIME = as-of).";
  static final List<String> KEYWORDS = List.of("地下管线", "CJJ 61", "基站", "控规", "兰州新区", "WMS");
  static final String ROOT_TITLE = "兰州新区城市信息";
  static final String ROOT_ABSTRACT =
      "Lanzhou New Area city model: utility networks, telecom sites, zoning, roads and projects";

  private CapabilityParts() {}

  /** The union of every layer's box, per CRS. */
  static Map<CrsRef, Envelope> union(Map<String, Map<CrsRef, Envelope>> extents) {
    Map<CrsRef, Envelope> all = new LinkedHashMap<>();
    for (Map<CrsRef, Envelope> boxes : extents.values()) {
      boxes.forEach((crs, e) -> all.computeIfAbsent(crs, k -> new Envelope()).expandToInclude(e));
    }
    return all;
  }

  /** A longitude or latitude in decimal degrees, 7 decimals. */
  static String degrees(double v) {
    return String.format(Locale.ROOT, "%.7f", v);
  }

  /** A coordinate of {@code crs}: degrees with 7 decimals, metres with 3. */
  static String number(CrsRef crs, double v) {
    return String.format(Locale.ROOT, crs.geographic() ? "%.7f" : "%.3f", v);
  }

  /** The GetLegendGraphic URL of one style of a layer, in the given WMS version. */
  static String legendHref(String endpoint, String version, String layer, String style) {
    return endpoint
        + "?SERVICE=WMS&VERSION="
        + version
        + "&REQUEST=GetLegendGraphic&FORMAT=image%2Fpng&LAYER="
        + URLEncoder.encode(layer, StandardCharsets.UTF_8)
        + "&STYLE="
        + URLEncoder.encode(style, StandardCharsets.UTF_8);
  }
}
