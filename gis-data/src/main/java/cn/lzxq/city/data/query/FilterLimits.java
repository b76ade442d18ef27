package cn.lzxq.city.data.query;

/**
 * Bounds on a filter a request may send, checked by every filter parser (CQL2 text and JSON, FES
 * 2.0 XML) while it reads, so a hostile filter costs little.
 *
 * @param maxDepth deepest nesting of logical operators and predicates
 * @param maxNodes most predicates and list values in one filter
 * @param maxLength most characters of filter text (XML, JSON or CQL2)
 */
public record FilterLimits(int maxDepth, int maxNodes, int maxLength) {

  /** The defaults: depth 32, 2,000 nodes, 256 KiB of text. */
  public static final FilterLimits DEFAULT = new FilterLimits(32, 2_000, 256 * 1024);

  /** Throws when the text is longer than allowed. */
  public void checkLength(String text, String locator) {
    if (text != null) {
      checkLength(text.length(), locator);
    }
  }

  /** Throws when a filter read so far (e.g. inside an XML request body) is longer than allowed. */
  public void checkLength(long characters, String locator) {
    if (characters > maxLength) {
      throw new QueryException(
          "InvalidParameterValue",
          locator,
          "the filter is longer than " + maxLength + " characters");
    }
  }

  /** Throws when a nesting depth is exceeded. */
  public void checkDepth(int depth, String locator) {
    if (depth > maxDepth) {
      throw new QueryException(
          "InvalidParameterValue",
          locator,
          "the filter is nested deeper than " + maxDepth + " levels");
    }
  }

  /** Throws when a node count is exceeded. */
  public void checkNodes(int nodes, String locator) {
    if (nodes > maxNodes) {
      throw new QueryException(
          "InvalidParameterValue", locator, "the filter has more than " + maxNodes + " terms");
    }
  }
}
