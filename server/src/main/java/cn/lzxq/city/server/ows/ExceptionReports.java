package cn.lzxq.city.server.ows;

/**
 * Writes exception reports: OWS 1.1 ExceptionReport (WFS 2.0, /ows), WMS 1.3.0 and WMS 1.1.1
 * ServiceExceptionReport.
 */
public final class ExceptionReports {

  private ExceptionReports() {}

  /** An OWS 1.1 ExceptionReport document (WFS 2.0). */
  public static String ows(OwsException e) {
    return ows(e, "2.0.0");
  }

  /** An OWS 1.1 ExceptionReport document of a service of {@code version} (WMTS: 1.0.0). */
  public static String ows(OwsException e, String version) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\""
        + version
        + "\" xml:lang=\"en\">\n"
        + "  <ows:Exception exceptionCode=\""
        + xml(e.code())
        + "\""
        + (e.locator() == null ? "" : " locator=\"" + xml(e.locator()) + "\"")
        + ">\n"
        + "    <ows:ExceptionText>"
        + xml(e.getMessage())
        + "</ows:ExceptionText>\n"
        + "  </ows:Exception>\n</ows:ExceptionReport>\n";
  }

  /** A WMS 1.3.0 ServiceExceptionReport document. */
  public static String wms(OwsException e) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\">\n"
        + "  <ServiceException code=\""
        + xml(e.code())
        + "\""
        + (e.locator() == null ? "" : " locator=\"" + xml(e.locator()) + "\"")
        + ">"
        + xml(e.getMessage())
        + "</ServiceException>\n</ServiceExceptionReport>\n";
  }

  /** The media type of a WMS 1.1.1 ServiceExceptionReport (WMS 1.1.1 §6.9). */
  public static final String WMS_111_MEDIA_TYPE = "application/vnd.ogc.se_xml;charset=UTF-8";

  /**
   * A WMS 1.1.1 ServiceExceptionReport: no namespace, the 1.1.1 DTD, a code but no locator (the DTD
   * has none), and the 1.1.1 name of the CRS code (InvalidSRS for 1.3.0's InvalidCRS).
   */
  public static String wms111(OwsException e) {
    String code = e.code().equals("InvalidCRS") ? "InvalidSRS" : e.code();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE ServiceExceptionReport SYSTEM"
        + " \"http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd\">\n"
        + "<ServiceExceptionReport version=\"1.1.1\">\n"
        + "  <ServiceException code=\""
        + xml(code)
        + "\">"
        + xml(e.getMessage())
        + "</ServiceException>\n</ServiceExceptionReport>\n";
  }

  /** Escapes text for XML content and attributes. */
  public static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
