package cn.lzxq.city.server.encode;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The feature output formats, with the media type answered and the names clients use for each (WFS
 * outputFormat values, FME's and GDAL's spellings, OGC API {@code f}).
 */
public enum OutputFormat {
  GML32("application/gml+xml; version=3.2"),
  GML31("text/xml; subtype=gml/3.1.1"),
  GML2("text/xml; subtype=gml/2.1.2"),
  GEOJSON("application/geo+json"),
  CSV("text/csv; charset=UTF-8");

  private final String mediaType;

  OutputFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The Content-Type of a response in this format. */
  public String mediaType() {
    return mediaType;
  }

  /** The format named by a WFS outputFormat or OGC API f value, if known. */
  public static Optional<OutputFormat> parse(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    if (n.contains("gml/3.2")
        || n.contains("version=3.2")
        || n.equals("gml32")
        || n.equals("application/gml+xml")) {
      return Optional.of(GML32);
    } else if (n.contains("gml/3.1") || n.equals("gml3") || n.equals("gml31")) {
      return Optional.of(GML31);
    } else if (n.contains("gml/2") || n.equals("gml2") || n.equals("text/xml")) {
      return Optional.of(GML2);
    } else if (n.contains("json")) {
      return Optional.of(GEOJSON);
    } else if (n.contains("csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }

  /**
   * A writer of this format on {@code out}; {@code valueReference} for GetPropertyValue (GML only).
   */
  public FeatureWriter writer(OutputStream out, EncodeOptions options, String valueReference) {
    return switch (this) {
      case GML32 -> new GmlFeatureWriter(out, GmlDialect.GML32, options, valueReference);
      case GML31 -> new GmlFeatureWriter(out, GmlDialect.GML31, options, valueReference);
      case GML2 -> new GmlFeatureWriter(out, GmlDialect.GML2, options, valueReference);
      case GEOJSON -> new GeoJsonFeatureWriter(out, options);
      case CSV -> new CsvFeatureWriter(out, options);
    };
  }

  /** True for the GML formats. */
  public boolean gml() {
    return this == GML32 || this == GML31 || this == GML2;
  }
}
