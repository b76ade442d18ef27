package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.crs.CrsRef;

/**
 * The GML flavours clients ask for: GML 3.2 in WFS 2.0 collections, GML 3.1.1 for WFS 1.1.0 and GML
 * 2.1.2 for WFS 1.0.0 (QGIS's WFS-T path).
 */
public enum GmlDialect {
  GML32(
      "http://www.opengis.net/gml/3.2",
      "http://www.opengis.net/wfs/2.0",
      "application/gml+xml; version=3.2"),
  GML31("http://www.opengis.net/gml", "http://www.opengis.net/wfs", "text/xml; subtype=gml/3.1.1"),
  GML2("http://www.opengis.net/gml", "http://www.opengis.net/wfs", "text/xml; subtype=gml/2.1.2");

  /** The application schema namespace of our feature types. */
  public static final String APP_NAMESPACE = "http://lzxq.cn/city";

  /** Its prefix. */
  public static final String APP_PREFIX = "city";

  private final String gmlNamespace;
  private final String wfsNamespace;
  private final String mediaType;

  GmlDialect(String gmlNamespace, String wfsNamespace, String mediaType) {
    this.gmlNamespace = gmlNamespace;
    this.wfsNamespace = wfsNamespace;
    this.mediaType = mediaType;
  }

  public String gmlNamespace() {
    return gmlNamespace;
  }

  public String wfsNamespace() {
    return wfsNamespace;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The srsName of {@code crs} in this flavour: the OGC URN (GML 3.2), the {@code urn:x-ogc} form
   * WFS 1.1.0 clients expect (GML 3.1.1), {@code EPSG:n} (GML 2).
   */
  public String srsName(CrsRef crs) {
    return switch (this) {
      case GML32 -> crs.urn();
      case GML31 -> crs.crs84() ? crs.urn() : "urn:x-ogc:def:crs:EPSG:" + crs.srid();
      case GML2 -> crs.crs84() ? "EPSG:4326" : "EPSG:" + crs.srid();
    };
  }
}
