package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Bbox;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.crs.BboxParam;
import cn.lzxq.city.data.crs.CrsRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the common request parameters: the scope (bbox, bbox-crs, road, project, owner, network)
 * and asOf.
 */
public final class ScopeParams {

  private ScopeParams() {}

  public static Scope scope(
      String bbox,
      String bboxCrs,
      String road,
      String project,
      String owner,
      String network,
      String asOf) {
    return new Scope(
        bbox(bbox, bboxCrs), blank(road), blank(project), blank(owner), blank(network), asOf(asOf));
  }

  /** Only a time: for analyses located by a geometry or an id. */
  static Scope time(String asOf) {
    return Scope.everything(asOf(asOf));
  }

  /** asOf: an ISO instant (2027-06-01T00:00:00Z) or date (2027-06-01, midnight UTC); null = now. */
  static Instant asOf(String text) {
    if (blank(text) == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new AnalysisInputException(
          "asOf 不是 ISO 8601 时间：" + text, "asOf is not an ISO 8601 time or date: " + text);
    }
  }

  static CrsRef crs(String text) {
    if (blank(text) == null) {
      return CrsRef.CRS84;
    }
    try {
      return CrsRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new AnalysisInputException("无法识别的坐标系：" + text, "unknown CRS: " + text);
    }
  }

  private static Bbox bbox(String text, String crs) {
    if (blank(text) == null) {
      return null;
    }
    BboxParam b;
    try {
      b = BboxParam.parse(text, false, false);
    } catch (NumberFormatException e) {
      throw new AnalysisInputException(
          "bbox 含有非数字的值：" + text, "bbox holds a value that is not a number: " + text);
    } catch (IllegalArgumentException e) {
      throw new AnalysisInputException("bbox 需要 4 个数", "bbox needs 4 numbers: minx,miny,maxx,maxy");
    }
    return new Bbox(b.a1(), b.b1(), b.a2(), b.b2(), crs(crs));
  }

  public static double number(String text, String name) {
    try {
      double d = Double.parseDouble(text.trim());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException | NullPointerException e) {
      throw new AnalysisInputException(name + " 不是数字：" + text, name + " is not a number: " + text);
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
