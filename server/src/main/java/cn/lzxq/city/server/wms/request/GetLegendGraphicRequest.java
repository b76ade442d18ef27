package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import java.util.Locale;

/**
 * A GetLegendGraphic request (SLD 1.1 WMS profile, as GeoServer and QGIS send it).
 *
 * @param layer LAYER
 * @param style STYLE, "" for the default
 * @param rule RULE, or null for every rule
 * @param scale SCALE denominator; rules outside it are left out; NaN for all rules
 * @param width symbol width, pixels
 * @param height symbol height, pixels
 * @param dpi output resolution (symbols and text grow with it)
 * @param sldBody SLD_BODY, or null
 */
public record GetLegendGraphicRequest(
    String layer,
    String style,
    String rule,
    double scale,
    int width,
    int height,
    double dpi,
    String sldBody) {

  /** Parses the GetLegendGraphic parameters; only image/png is drawn. */
  public static GetLegendGraphicRequest parse(KvpMap kvp) {
    String layer = kvp.require("LAYER");
    String format = kvp.get("FORMAT").orElse("image/png").toLowerCase(Locale.ROOT);
    if (!format.startsWith("image/png")) {
      throw new OwsException(
          WmsCodes.INVALID_FORMAT, "FORMAT", "legends are drawn as image/png only");
    }
    double scale = Double.NaN;
    if (kvp.get("SCALE").isPresent()) {
      scale = Params.numbers(kvp.get("SCALE").get(), 1, "SCALE")[0];
    }
    int width = Params.optionalInt(kvp, "WIDTH").orElse(20);
    int height = Params.optionalInt(kvp, "HEIGHT").orElse(20);
    if (width < 4 || height < 4 || width > 512 || height > 512) {
      throw Params.invalid("WIDTH", "legend symbols are 4 to 512 pixels wide and high");
    }
    return new GetLegendGraphicRequest(
        layer,
        kvp.get("STYLE").orElse(""),
        kvp.get("RULE").orElse(null),
        scale,
        width,
        height,
        Params.dpi(kvp),
        kvp.get("SLD_BODY").orElse(null));
  }
}
