package cn.lzxq.city.data.io.cjj61;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a table holds which {@link Cjj61Field}, and what the file calls it.
 *
 * @param columns field to column index
 * @param headers field to the header as written in the file (for messages)
 * @param unknown headers that name no field (ignored, reported as warnings)
 */
public record HeaderMap(
    Map<Cjj61Field, Integer> columns, Map<Cjj61Field, String> headers, List<String> unknown) {

  /** The kind of table a header describes. */
  public enum Kind {
    POINTS,
    SEGMENTS,
    UNKNOWN
  }

  /** Maps a header row; the first column naming a field wins. */
  public static HeaderMap of(List<String> header) {
    Map<Cjj61Field, Integer> columns = new EnumMap<>(Cjj61Field.class);
    Map<Cjj61Field, String> headers = new EnumMap<>(Cjj61Field.class);
    List<String> unknown = new java.util.ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String normalized = Cjj61Field.normalize(header.get(i));
      Cjj61Field field = find(normalized);
      if (field == null) {
        if (!normalized.isEmpty()) {
          unknown.add(header.get(i).trim());
        }
      } else if (!columns.containsKey(field)) {
        columns.put(field, i);
        headers.put(field, header.get(i).replace("\uFEFF", "").trim());
      }
    }
    return new HeaderMap(columns, headers, unknown);
  }

  private static Cjj61Field find(String normalized) {
    for (Cjj61Field f : Cjj61Field.values()) {
      if (f.matches(normalized)) {
        return f;
      }
    }
    return null;
  }

  /** A line table has start and end point columns; a point table has point number, X and Y. */
  public Kind kind() {
    if (columns.containsKey(Cjj61Field.START_POINT) && columns.containsKey(Cjj61Field.END_POINT)) {
      return Kind.SEGMENTS;
    }
    if (columns.containsKey(Cjj61Field.EXP_NO)
        && columns.containsKey(Cjj61Field.X)
        && columns.containsKey(Cjj61Field.Y)) {
      return Kind.POINTS;
    }
    return Kind.UNKNOWN;
  }

  /** The header as written for a field, or its Chinese name when the file lacks the column. */
  public String header(Cjj61Field field) {
    return headers.getOrDefault(field, field.chineseName());
  }
}
