package cn.lzxq.city.data.io.cjj61;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CJJ 61-2017 Appendix F feature code: {@code 5} + major class (1) + sub-class (2) + feature type
 * (1 line, 2 point, 3 polygon) + point type (1 特征, 2 附属物, 0 otherwise) + sequence (2).
 *
 * @param code the 8 digits
 * @param majorDigit Appendix B major-class digit (1 = 给水 JS … 8 = 其他 QT)
 * @param subDigits the sub-class digits, e.g. "04" for 配水
 * @param featureType 1 line, 2 point, 3 polygon
 * @param pointType 1 特征 feature point, 2 附属物 appurtenance, 0 for lines and polygons
 */
public record FeatureCode(
    String code, int majorDigit, String subDigits, int featureType, int pointType) {

  private static final Pattern FORMAT = Pattern.compile("5([1-8])([0-9]{2})([123])([012])[0-9]{2}");

  /** The code, or null when the text is not an 8-digit Appendix F code. */
  public static FeatureCode parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    return new FeatureCode(
        text.trim(),
        Integer.parseInt(m.group(1)),
        m.group(2),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)));
  }
}
