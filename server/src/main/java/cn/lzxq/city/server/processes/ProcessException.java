package cn.lzxq.city.server.processes;

/**
 * An OGC API - Processes exception: its type URI (no-such-process, no-such-job, result-not-ready
 * …), HTTP status and detail, answered as application/problem+json.
 */
final class ProcessException extends RuntimeException {

  private static final String BASE =
      "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";

  private final int status;
  private final String type;

  private ProcessException(int status, String type, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
  }

  static ProcessException noSuchProcess(String id) {
    return new ProcessException(404, BASE + "no-such-process", "没有处理过程 / no process '" + id + "'");
  }

  static ProcessException noSuchJob(String id) {
    return new ProcessException(404, BASE + "no-such-job", "没有作业 / no job '" + id + "'");
  }

  static ProcessException notReady(String id, String status) {
    return new ProcessException(
        404,
        BASE + "result-not-ready",
        "作业 " + id + " 尚无结果 / job " + id + " is " + status + ", its result is not ready");
  }

  static ProcessException failed(String id, String message) {
    return new ProcessException(
        500, "https://lzxq.city/problems/job-failed", "作业失败 / job " + id + " failed: " + message);
  }

  static ProcessException forbidden(String id) {
    return new ProcessException(
        403,
        "https://lzxq.city/problems/job-forbidden",
        "只有提交者或管理员可撤销作业 / only the client that submitted job "
            + id
            + " or an admin may dismiss it");
  }

  static ProcessException badRequest(String detail) {
    return new ProcessException(400, "https://lzxq.city/problems/analysis-bad-input", detail);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
