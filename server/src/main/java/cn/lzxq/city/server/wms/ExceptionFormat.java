package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.ows.KvpMap;
import java.util.Locale;

/**
 * How a WMS reports an error (EXCEPTIONS): as a ServiceExceptionReport document, as the message
 * drawn into an image of the requested size and format, or as an empty image.
 */
public enum ExceptionFormat {
  XML,
  INIMAGE,
  BLANK;

  /** The format the request asks for; XML when absent or unknown (WMS 1.3.0 default). */
  public static ExceptionFormat of(KvpMap kvp) {
    String v = kvp.get("EXCEPTIONS").orElse("XML").toUpperCase(Locale.ROOT);
    if (v.endsWith("INIMAGE")) {
      return INIMAGE;
    }
    return v.endsWith("BLANK") ? BLANK : XML;
  }
}
