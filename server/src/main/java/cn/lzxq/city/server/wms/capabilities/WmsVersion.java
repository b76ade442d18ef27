package cn.lzxq.city.server.wms.capabilities;

import java.util.Optional;

/**
 * The WMS versions served, 1.3.0 and 1.1.1, and the version negotiation of WMS 1.3.0 §6.2.4 (1.1.1
 * §6.2.4): no version asked for gives the highest; a version above the highest gives the highest;
 * one between two served versions gives the next lower; one below the lowest gives the lowest.
 */
public enum WmsVersion {
  V111("1.1.1"),
  V130("1.3.0");

  private final String text;

  WmsVersion(String text) {
    this.text = text;
  }

  /** The version number as written in documents and requests. */
  public String text() {
    return text;
  }

  /**
   * The version to answer a GetCapabilities with.
   *
   * @param asked the VERSION (or pre-1.1 WMTVER) parameter, if any
   */
  public static WmsVersion negotiate(Optional<String> asked) {
    if (asked.isEmpty() || asked.get().isBlank()) {
      return V130;
    }
    int[] v = parse(asked.get());
    return compare(v, new int[] {1, 3, 0}) >= 0 ? V130 : V111;
  }

  /**
   * The version an error of a request is reported in: GetCapabilities as negotiated, any other
   * request as its VERSION (or WMTVER) says — 1.1.1 for versions below 1.3.0, 1.3.0 otherwise and
   * when absent.
   */
  public static WmsVersion ofRequest(String request, Optional<String> asked) {
    if (request.equalsIgnoreCase("GetCapabilities") || request.equalsIgnoreCase("capabilities")) {
      return negotiate(asked);
    }
    if (asked.isEmpty() || asked.get().isBlank()) {
      return V130;
    }
    return compare(parse(asked.get()), new int[] {1, 3, 0}) >= 0 ? V130 : V111;
  }

  private static int[] parse(String text) {
    String[] parts = text.trim().split("\\.");
    int[] v = new int[3];
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      String digits = parts[i].replaceAll("\\D.*", "");
      v[i] =
          digits.isEmpty() ? 0 : digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
    return v;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
