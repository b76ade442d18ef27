package cn.lzxq.city.data.io.cjj61;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 管径 / 断面尺寸: a round pipe's DN or a box section's width × height, millimetres.
 *
 * @param dn nominal diameter, mm, or null for a box section
 * @param width box width, mm, or null
 * @param height box height, mm, or null
 */
public record PipeSize(Integer dn, Integer width, Integer height) {

  /** Smallest and largest size accepted, mm. */
  public static final int MIN_MM = 10;

  public static final int MAX_MM = 5000;

  private static final Pattern ROUND =
      Pattern.compile("(?i)(?:DN|D|Φ|φ|Ф)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:mm)?");
  private static final Pattern BOX =
      Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*[×xX*＊]\\s*(\\d+(?:\\.\\d+)?)\\s*(?:mm)?");

  /** Parses "300", "DN300", "Φ300", "800×600", "800X600", "800*600"; null when unreadable. */
  public static PipeSize parse(String text) {
    String t = text.trim();
    Matcher box = BOX.matcher(t);
    if (box.matches()) {
      return new PipeSize(null, mm(box.group(1)), mm(box.group(2)));
    }
    Matcher round = ROUND.matcher(t);
    return round.matches() ? new PipeSize(mm(round.group(1)), null, null) : null;
  }

  private static int mm(String s) {
    return (int) Math.round(Double.parseDouble(s));
  }

  /** True when every given dimension lies in [{@value #MIN_MM}, {@value #MAX_MM}] mm. */
  public boolean inRange() {
    return ok(dn) && ok(width) && ok(height);
  }

  private static boolean ok(Integer mm) {
    return mm == null || (mm >= MIN_MM && mm <= MAX_MM);
  }
}
