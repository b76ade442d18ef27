package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import java.util.List;
import java.util.Locale;

/** The GetMap output formats: 24-bit PNG with alpha, 8-bit palette PNG, JPEG. */
public enum ImageFormat {
  PNG("image/png"),
  PNG8("image/png8"),
  JPEG("image/jpeg");

  private final String mimeType;

  ImageFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  /** The MIME type answered in Content-Type and advertised in capabilities. */
  public String mimeType() {
    return mimeType;
  }

  /** True when the format can be transparent. */
  public boolean hasAlpha() {
    return this != JPEG;
  }

  /** The advertised MIME types, also the accepted ones besides the aliases. */
  public static List<String> advertised() {
    return List.of("image/png", "image/png8", "image/png; mode=8bit", "image/jpeg");
  }

  /**
   * Parses FORMAT, with the aliases clients send ({@code png}, {@code image/png; mode=8bit}, {@code
   * jpg}).
   */
  public static ImageFormat parse(String format, String locator) {
    String f = format.toLowerCase(Locale.ROOT).replace(" ", "");
    return switch (f) {
      case "image/png", "png", "image/png;mode=24bit", "image/png;mode=32bit" -> PNG;
      case "image/png8", "png8", "image/png;mode=8bit" -> PNG8;
      case "image/jpeg", "image/jpg", "jpeg", "jpg" -> JPEG;
      default ->
          throw new OwsException(
              WmsCodes.INVALID_FORMAT,
              locator,
              "format '" + format + "' is not offered; use one of " + advertised());
    };
  }
}
