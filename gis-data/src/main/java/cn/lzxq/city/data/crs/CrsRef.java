package cn.lzxq.city.data.crs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system as requests name it, with its PostGIS SRID and its axis order.
 *
 * <p>This is the one place that knows axis order (from the EPSG definitions): geographic 4326 and
 * 4490 are latitude, longitude; the CGCS2000 Gauss-Krüger CRSs 4491–4554 are northing, easting; OGC
 * CRS84 and EPSG:3857 are x, y. WMS 1.3.0, WFS 2.0, FES BBOX filters and OGC API all go through
 * {@link #axisOrder()}.
 *
 * @param srid the PostGIS SRID (4326 for CRS84)
 * @param crs84 true for OGC CRS84 (longitude, latitude on WGS 84)
 */
public record CrsRef(int srid, boolean crs84) {

  /** OGC CRS84: WGS 84 longitude, latitude in degrees. */
  public static final CrsRef CRS84 = new CrsRef(4326, true);

  private static final Set<Integer> GEOGRAPHIC_LAT_LON =
      Set.of(4326, 4490, 4610, 4214, 4269, 4258, 4979, 4480);
  private static final Set<Integer> WEB_MERCATOR_ALIASES = Set.of(900913, 3785, 102100, 102113);
  private static final Pattern EPSG =
      Pattern.compile(
          "^(?:EPSG:|URN:(?:X-)?OGC:DEF:CRS:EPSG:(?:[0-9.]*:)?|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/"
              + "|HTTPS?://WWW\\.OPENGIS\\.NET/GML/SRS/EPSG\\.XML#)(\\d+)$");
  private static final Pattern OGC_CRS84 =
      Pattern.compile(
          "^(?:CRS:84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:[0-9.]*:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[0-9.]+/CRS84)$");

  /** The CRS with this EPSG code. */
  public static CrsRef epsg(int code) {
    return new CrsRef(WEB_MERCATOR_ALIASES.contains(code) ? 3857 : code, false);
  }

  /**
   * Parses the forms clients send: {@code EPSG:4490}, {@code urn:ogc:def:crs:EPSG::4490}, {@code
   * urn:x-ogc:def:crs:EPSG:4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490}, {@code
   * http://www.opengis.net/gml/srs/epsg.xml#4490}, {@code CRS:84} and the CRS84 URN/URI.
   *
   * @throws IllegalArgumentException when the text names no CRS in one of these forms
   */
  public static CrsRef parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (OGC_CRS84.matcher(t).matches()) {
      return CRS84;
    }
    Matcher m = EPSG.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a CRS identifier: " + text);
    }
    return epsg(Integer.parseInt(m.group(1)));
  }

  /** The axis order the authority defines. */
  public AxisOrder axisOrder() {
    if (crs84) {
      return AxisOrder.EAST_NORTH;
    }
    boolean gaussKrugerCgcs2000 = srid >= 4491 && srid <= 4554;
    return GEOGRAPHIC_LAT_LON.contains(srid) || gaussKrugerCgcs2000
        ? AxisOrder.NORTH_EAST
        : AxisOrder.EAST_NORTH;
  }

  /** True for a CRS in degrees (geographic). */
  public boolean geographic() {
    return crs84 || GEOGRAPHIC_LAT_LON.contains(srid);
  }

  /** The short code: {@code CRS:84} or {@code EPSG:4490}. */
  public String code() {
    return crs84 ? "CRS:84" : "EPSG:" + srid;
  }

  /** The URN form for GML srsName: {@code urn:ogc:def:crs:EPSG::4490}. */
  public String urn() {
    return crs84 ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + srid;
  }

  /** The http URI form for OGC API: {@code http://www.opengis.net/def/crs/EPSG/0/4490}. */
  public String uri() {
    return crs84
        ? "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
        : "http://www.opengis.net/def/crs/EPSG/0/" + srid;
  }
}
