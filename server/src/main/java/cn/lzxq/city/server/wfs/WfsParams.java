package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.SortKey;
import cn.lzxq.city.data.query.cql.Times;
import cn.lzxq.city.server.encode.OutputFormat;
import cn.lzxq.city.server.ows.OwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing of the parameter values KVP and XML requests share (type names, CRSs, sorting …). */
final class WfsParams {

  static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

  private WfsParams() {}

  /** The layer of a type name ({@code city:pipe_js}, {@code pipe_js}, {@code {ns}pipe_js}). */
  static Layer layer(LayerCatalog catalog, String typeName, String locator) {
    String n =
        typeName.trim().replaceFirst("^\\{[^}]*}", "").replaceFirst("^[A-Za-z_][\\w.-]*:", "");
    return catalog
        .findVector(n)
        .orElseThrow(
            () ->
                new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE,
                    locator,
                    "unknown feature type '" + typeName + "'"));
  }

  /**
   * The id of a GetFeatureById request when it can name a feature ({@code pipe_js.12} of a known
   * type, or a bare number); any other id is a NotFound (404, as WFS 2.0.2 wants for every unknown
   * id), not a malformed parameter.
   */
  static String knownFeatureId(LayerCatalog catalog, String id) {
    String t = id.trim();
    int dot = t.lastIndexOf('.');
    boolean knownType = dot < 0 || catalog.findVector(t.substring(0, dot)).isPresent();
    if (!knownType || !t.substring(dot + 1).matches("\\d{1,18}")) {
      throw new OwsException(OwsException.NOT_FOUND, "ID", "no feature with the id '" + id + "'");
    }
    return t;
  }

  /** The layers of a comma-separated list (parentheses of per-query lists removed). */
  static List<Layer> layers(LayerCatalog catalog, String list, String locator) {
    List<Layer> out = new ArrayList<>();
    for (String t : list.replace("(", "").replace(")", "").split(",")) {
      if (!t.isBlank()) {
        out.add(layer(catalog, t, locator));
      }
    }
    return out;
  }

  /** An offered CRS, or InvalidParameterValue with locator SRSNAME. */
  static CrsRef crs(String srsName, int nativeSrid) {
    try {
      CrsRef crs = CrsRef.parse(srsName);
      if (ServedCrs.offered(crs, nativeSrid)) {
        return crs;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new OwsException(
        OwsException.INVALID_PARAMETER_VALUE, "SRSNAME", "unsupported srsName '" + srsName + "'");
  }

  /**
   * A lock expiry: a positive whole number of seconds (WFS 2.0) or minutes (WFS 1.x, whose expiry
   * is in minutes).
   */
  static Duration expiry(String text, String version) {
    long n;
    try {
      n = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n <= 0 || n > 1_000_000) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "expiry",
          "expiry must be a positive whole number of "
              + (version.equals("2.0.0") ? "seconds" : "minutes"));
    }
    return version.equals("2.0.0") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
  }

  /** lockAction ALL (true, also when absent) or SOME (false). */
  static boolean lockAll(String text, String locator) {
    if (text == null || text.trim().equalsIgnoreCase("ALL")) {
      return true;
    }
    if (text.trim().equalsIgnoreCase("SOME")) {
      return false;
    }
    throw new OwsException(
        OwsException.INVALID_PARAMETER_VALUE, locator, locator + " must be ALL or SOME");
  }

  /** A SORTBY list: {@code name [ASC|DESC|A|D]}, comma separated. */
  static List<SortKey> sort(String sortBy) {
    List<SortKey> keys = new ArrayList<>();
    for (String part : sortBy.split(",")) {
      String[] words = part.trim().split("\\s+");
      if (words[0].isEmpty()) {
        continue;
      }
      boolean ascending =
          words.length < 2
              || switch (words[1].toUpperCase(Locale.ROOT)) {
                case "ASC", "A" -> true;
                case "DESC", "D" -> false;
                default ->
                    throw new OwsException(
                        OwsException.INVALID_PARAMETER_VALUE,
                        "SORTBY",
                        "bad sort order '" + words[1] + "'");
              };
      keys.add(new SortKey(propertyName(words[0]), ascending));
    }
    return keys;
  }

  /** The property of a value reference or property name: last XPath step without prefix. */
  static String propertyName(String xpath) {
    String last =
        xpath.trim().substring(xpath.trim().lastIndexOf('/') + 1).replaceFirst("\\[\\d+]$", "");
    last = last.startsWith("@") ? last.substring(1) : last;
    return last.substring(last.indexOf(':') + 1);
  }

  /** A non-negative integer parameter. */
  static long nonNegative(String value, String locator) {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OwsException(
        OwsException.INVALID_PARAMETER_VALUE, locator, locator + " must be a non-negative integer");
  }

  /** An output format, or InvalidParameterValue. */
  static OutputFormat format(String value) {
    return OutputFormat.parse(value)
        .orElseThrow(
            () ->
                new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE,
                    "outputFormat",
                    "unsupported outputFormat '" + value + "'"));
  }

  /** The default format of a version: GML 3.2 (2.0.0), GML 3.1.1 (1.1.0), GML 2 (1.0.0). */
  static OutputFormat defaultFormat(String version) {
    return switch (version) {
      case "1.0.0" -> OutputFormat.GML2;
      case "1.1.0" -> OutputFormat.GML31;
      default -> OutputFormat.GML32;
    };
  }

  /** The version asked for, normalised to 2.0.0, 1.1.0 or 1.0.0. */
  static String version(String v) {
    if (v == null || v.isBlank() || v.startsWith("2.")) {
      return "2.0.0";
    }
    return switch (v.trim()) {
      case "1.1.0", "1.1" -> "1.1.0";
      case "1.0.0", "1.0" -> "1.0.0";
      default ->
          throw new OwsException(
              OwsException.INVALID_PARAMETER_VALUE, "VERSION", "unsupported version '" + v + "'");
    };
  }

  /**
   * The version of the GetCapabilities document: the first of ACCEPTVERSIONS that is served (OWS
   * Common; VersionNegotiationFailed when none is), else VERSION negotiated as WFS 1.0.0 §6.2.4
   * asks (a version above 2.0.0 gives 2.0.0, one between two served versions the next lower, one
   * below 1.0.0 gives 1.0.0), else 2.0.0.
   */
  static String capabilitiesVersion(String acceptVersions, String version) {
    if (acceptVersions != null && !acceptVersions.isBlank()) {
      for (String v : acceptVersions.split(",")) {
        String t = v.trim();
        if (t.equals("2.0.0") || t.equals("2.0.2") || t.equals("1.1.0") || t.equals("1.0.0")) {
          return t.startsWith("2.") ? "2.0.0" : t;
        }
      }
      throw new OwsException(
          "VersionNegotiationFailed",
          "AcceptVersions",
          "none of '" + acceptVersions + "' is served; use 2.0.0, 1.1.0 or 1.0.0");
    }
    if (version == null || version.isBlank()) {
      return "2.0.0";
    }
    String[] parts = (version.trim() + ".0.0").split("\\.");
    int major = leadingNumber(parts[0]);
    int minor = leadingNumber(parts[1]);
    return major >= 2 ? "2.0.0" : major == 1 && minor >= 1 ? "1.1.0" : "1.0.0";
  }

  private static int leadingNumber(String text) {
    String digits = text.replaceAll("\\D.*", "");
    return digits.isEmpty()
        ? 0
        : digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  /** The ASOF vendor parameter. */
  static Instant asOf(String value) {
    try {
      return Times.parse(value);
    } catch (RuntimeException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE, "ASOF", "not a date or time: '" + value + "'");
    }
  }
}
