package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Readers for the KVP values WMS requests share (numbers, booleans, colours, lists, DPI). */
final class Params {

  /** The OGC standard rendering pixel is 0.28 mm, i.e. 90.714 dots per inch. */
  static final double STANDARD_DPI = 25.4 / 0.28;

  private Params() {}

  static int positiveInt(KvpMap kvp, String key) {
    String v = kvp.require(key);
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, key + " must be a positive integer, not '" + v + "'");
  }

  static Optional<Integer> optionalInt(KvpMap kvp, String key) {
    return kvp.get(key)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw invalid(key, key + " must be an integer, not '" + v + "'");
              }
            });
  }

  static double[] numbers(String text, int count, String key) {
    String[] parts = text.split(",");
    if (parts.length != count) {
      throw invalid(key, key + " needs " + count + " comma-separated numbers");
    }
    double[] values;
    try {
      values = Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.trim())).toArray();
    } catch (NumberFormatException e) {
      throw invalid(key, key + " holds a value that is not a number: " + text);
    }
    if (!Arrays.stream(values).allMatch(Double::isFinite)) {
      throw invalid(key, key + " holds a value that is not a finite number: " + text);
    }
    return values;
  }

  static boolean bool(KvpMap kvp, String key) {
    String v = kvp.get(key).orElse("FALSE").toUpperCase(Locale.ROOT);
    return switch (v) {
      case "TRUE", "1", "YES" -> true;
      case "FALSE", "0", "NO" -> false;
      default -> throw invalid(key, key + " must be TRUE or FALSE");
    };
  }

  /** BGCOLOR {@code 0xRRGGBB} (also {@code #RRGGBB}); white when absent. */
  static Color color(KvpMap kvp, String key) {
    String v = kvp.get(key).orElse("0xFFFFFF");
    String hex =
        v.startsWith("0x") || v.startsWith("0X")
            ? v.substring(2)
            : v.startsWith("#") ? v.substring(1) : v;
    if (!hex.matches("[0-9A-Fa-f]{6}")) {
      throw invalid(key, key + " must be 0xRRGGBB, not '" + v + "'");
    }
    return new Color(Integer.parseInt(hex, 16));
  }

  /** A comma-separated list; empty items kept (STYLES=,cjj61). */
  static List<String> list(String text) {
    return List.of(text.split(",", -1)).stream().map(String::trim).toList();
  }

  /** DPI from DPI, MAP_RESOLUTION or FORMAT_OPTIONS=dpi:N; the standard 90.714 when none. */
  static double dpi(KvpMap kvp) {
    Optional<String> v = kvp.first("DPI", "MAP_RESOLUTION");
    if (v.isEmpty()) {
      v = kvp.get("FORMAT_OPTIONS").flatMap(Params::dpiOption);
    }
    if (v.isEmpty()) {
      return STANDARD_DPI;
    }
    try {
      double d = Double.parseDouble(v.get());
      if (d >= 10 && d <= 1200) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("DPI", "DPI must be a number between 10 and 1200, not '" + v.get() + "'");
  }

  private static Optional<String> dpiOption(String formatOptions) {
    for (String option : formatOptions.split(";")) {
      String[] kv = option.split(":", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("dpi")) {
        return Optional.of(kv[1].trim());
      }
    }
    return Optional.empty();
  }

  static OwsException invalid(String locator, String message) {
    return new OwsException(OwsException.INVALID_PARAMETER_VALUE, locator, message);
  }
}
