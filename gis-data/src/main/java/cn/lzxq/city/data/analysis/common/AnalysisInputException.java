package cn.lzxq.city.data.analysis.common;

/**
 * A request an analysis cannot answer: invalid or empty geometry, a CRS that is not served, a
 * position outside the service area, a scope that is too large, an unknown id. The message is for
 * the user, in Chinese and English ("中文 / English").
 */
public class AnalysisInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param zh the message in Chinese
   * @param en the same message in English
   */
  public AnalysisInputException(String zh, String en) {
    super(zh + " / " + en);
  }
}
