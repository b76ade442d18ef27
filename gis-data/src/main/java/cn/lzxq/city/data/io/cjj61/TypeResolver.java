package cn.lzxq.city.data.io.cjj61;

import static cn.lzxq.city.data.io.cjj61.Cjj61Field.CODE;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.END_POINT;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.EXP_NO;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.NETWORK;
import static cn.lzxq.city.data.io.cjj61.Cjj61Field.START_POINT;

import cn.lzxq.city.data.io.qa.QaCode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives network and subtype from the three places a survey table states them: the point number
 * prefix (JS12 → 给水; YS12 → 排水/雨水), the Appendix F feature code, and an optional network column. It
 * reports when they disagree, so a mistyped code cannot move a pipe into the wrong network.
 */
final class TypeResolver {

  private static final Pattern PREFIX = Pattern.compile("^([A-Za-z]{2})");

  private final Dictionaries dict;

  TypeResolver(Dictionaries dict) {
    this.dict = dict;
  }

  /** Network and subtype of a point row; problems go to the row's issues. */
  PipeType point(PointRow p) {
    Cells c = p.cells();
    PipeType fromCode = fromCode(c, p.code(), 2);
    if (fromCode != null && FeatureCode.parse(p.code()) != null) {
      int pointType = FeatureCode.parse(p.code()).pointType();
      int expected = p.feature() != null ? 1 : 2;
      if ((p.feature() == null) != (p.appurtenance() == null) && pointType != expected) {
        c.error(
            CODE,
            QaCode.INVALID_VALUE,
            p.code()
                + ": point type digit "
                + pointType
                + " but "
                + (expected == 1 ? "特征 feature" : "附属物 appurtenance")
                + " is filled (1 = 特征, 2 = 附属物)");
      }
    }
    PipeType fromPrefix = fromPrefix(p.expNo());
    String explicit = explicitNetwork(c, p.network());
    String network =
        agree(
            c,
            CODE,
            fromCode == null ? null : fromCode.network(),
            fromPrefix == null ? null : fromPrefix.network(),
            "物探点号 " + p.expNo());
    network = agree(c, NETWORK, network, explicit, "管线类别 column");
    if (network == null) {
      c.error(EXP_NO, QaCode.UNKNOWN_NETWORK, "neither the point number prefix nor 要素代码 names one");
      return new PipeType(null, null, p.code());
    }
    // a missing, malformed or unknown code has been reported already
    return new PipeType(network, pick(fromCode, fromPrefix, network), p.code());
  }

  /**
   * Network and subtype of a segment row from its own code, its end points and its start point
   * prefix; problems go to the row's issues.
   *
   * @param start the start point, or null when unknown
   * @param end the end point, or null when unknown
   */
  PipeType segment(SegmentRow s, PointEntry start, PointEntry end) {
    Cells c = s.cells();
    PipeType fromCode = fromCode(c, s.code(), 1);
    PipeType fromStart =
        start == null || start.network() == null
            ? null
            : new PipeType(start.network(), start.subtype(), null);
    PipeType fromPrefix = s.startPoint() == null ? null : fromPrefix(s.startPoint());
    String network =
        agree(
            c,
            CODE,
            fromCode == null ? null : fromCode.network(),
            fromStart == null ? null : fromStart.network(),
            "start point " + s.startPoint());
    if (network == null && fromPrefix != null) {
      network = fromPrefix.network();
    }
    network = agree(c, NETWORK, network, explicitNetwork(c, s.network()), "管线类别 column");
    if (network != null && end != null && end.network() != null && !end.network().equals(network)) {
      c.error(
          END_POINT,
          QaCode.CODE_NETWORK_MISMATCH,
          "end point " + s.endPoint() + " is " + end.network() + ", the segment is " + network);
    }
    if (network == null) {
      c.error(START_POINT, QaCode.UNKNOWN_NETWORK, "no 要素代码, and the start point gives none");
      return new PipeType(null, null, s.code());
    }
    String subtype =
        fromCode != null && fromCode.subtype() != null
            ? fromCode.subtype()
            : pick(fromStart, fromPrefix, network);
    if (subtype == null) {
      if (fromCode == null) {
        c.error(
            CODE,
            QaCode.UNKNOWN_SUBTYPE,
            "no sub-class for " + network + " from 要素代码 or the start point");
      }
      return new PipeType(network, null, s.code());
    }
    return new PipeType(
        network, subtype, s.code() != null ? s.code() : dict.lineCode(network, subtype));
  }

  /** The type a feature code states, or null when there is no code; reports a malformed one. */
  private PipeType fromCode(Cells c, String code, int featureType) {
    if (code == null) {
      return null;
    }
    FeatureCode fc = FeatureCode.parse(code);
    if (fc == null) {
      c.error(
          CODE,
          QaCode.INVALID_VALUE,
          "'" + code + "' is not an 8-digit CJJ 61 Appendix F code 5MSSFPNN");
      return null;
    }
    if (fc.featureType() != featureType) {
      c.error(
          CODE,
          QaCode.INVALID_VALUE,
          code
              + ": feature type digit "
              + fc.featureType()
              + ", expected "
              + featureType
              + (featureType == 1 ? " (line 线)" : " (point 点)"));
    }
    String network = dict.networkOfDigit(fc.majorDigit());
    String subtype = network == null ? null : dict.subtype(network, fc.subDigits());
    if (network != null && subtype == null) {
      c.error(
          CODE,
          QaCode.UNKNOWN_SUBTYPE,
          code + ": sub-class " + fc.subDigits() + " is not a sub-class of " + network);
    }
    return new PipeType(network, subtype, code);
  }

  /** The type a point number prefix states (JS12 → JS; YS12 → PS/YS), or null. */
  private PipeType fromPrefix(String pointNo) {
    if (pointNo == null) {
      return null;
    }
    Matcher m = PREFIX.matcher(pointNo);
    if (!m.find()) {
      return null;
    }
    String letters = m.group(1).toUpperCase(Locale.ROOT);
    if (dict.isNetwork(letters)) {
      return new PipeType(letters, null, null);
    }
    String network = dict.networkOfSubtype(letters);
    return network == null ? null : new PipeType(network, letters, null);
  }

  private String explicitNetwork(Cells c, String value) {
    if (value == null) {
      return null;
    }
    if (!dict.isNetwork(value)) {
      c.error(NETWORK, QaCode.UNKNOWN_NETWORK, "'" + value + "' (JS PS RQ RL DL TX GY QT)");
      return null;
    }
    return value.toUpperCase(Locale.ROOT);
  }

  /** The one network both sources give (either may be null); reports a disagreement. */
  private static String agree(
      Cells c, Cjj61Field column, String first, String second, String secondName) {
    if (first != null && second != null && !first.equals(second)) {
      c.error(
          column,
          QaCode.CODE_NETWORK_MISMATCH,
          first + " here, but " + secondName + " says " + second);
    }
    return first != null ? first : second;
  }

  private static String pick(PipeType a, PipeType b, String network) {
    for (PipeType t : new PipeType[] {a, b}) {
      if (t != null && t.subtype() != null && Objects.equals(t.network(), network)) {
        return t.subtype();
      }
    }
    return null;
  }
}
