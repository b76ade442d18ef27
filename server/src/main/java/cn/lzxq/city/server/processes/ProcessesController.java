package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.job.Job;
import cn.lzxq.city.data.job.JobLimitException;
import cn.lzxq.city.data.job.JobQueue;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.data.job.JobStatus;
import cn.lzxq.city.data.job.JobWorker;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API - Processes - Part 1: Core 1.0 under {@code /ogcapi}: the process list and descriptions,
 * asynchronous execution as a job of the job queue, job status, results (GeoJSON, CSV, XLSX), the
 * job list and dismissal. Who may submit and dismiss: docs/ARCHITECTURE.md, "Jobs".
 */
@RestController
@RequestMapping("/ogcapi")
class ProcessesController {

  private static final int MAX_LIST = 1000;

  private final AnalysisProcesses processes;
  private final JobQueue queue;
  private final JobWorker worker;
  private final JobsProperties props;
  private final JsonMapper json;

  ProcessesController(
      AnalysisProcesses processes,
      JobQueue queue,
      JobWorker worker,
      JobsProperties props,
      JsonMapper json) {
    this.processes = processes;
    this.queue = queue;
    this.worker = worker;
    this.props = props;
    this.json = json;
  }

  @GetMapping("/processes")
  ResponseEntity<String> list(HttpServletRequest request) {
    return ok(ProcessDocuments.processList(base(request), processes.all()).toString());
  }

  @GetMapping("/processes/{id}")
  ResponseEntity<String> describe(@PathVariable String id, HttpServletRequest request) {
    return ok(ProcessDocuments.description(base(request), process(id)).toString());
  }

  /**
   * Executes a process as a job: 201 Created with {@code Location} of the job and its statusInfo.
   * The processes run asynchronously only, so a request without {@code Prefer: respond-async} is
   * answered the same way (OGC 18-062r2, default execution mode).
   */
  @PostMapping("/processes/{id}/execution")
  ResponseEntity<String> execute(
      @PathVariable String id,
      @RequestBody(required = false) String body,
      @RequestHeader(value = "Prefer", required = false) String prefer,
      Authentication auth,
      HttpServletRequest request)
      throws SQLException {
    AnalysisProcess process = process(id);
    JsonNode inputs = inputs(body);
    processes.check(process, inputs);
    Job job =
        queue.submit(
            process.id(),
            inputs == null ? "{}" : inputs.toString(),
            client(auth, request),
            props.maxOpenPerClient());
    worker.wake();
    String location = base(request) + "/jobs/" + job.id();
    ResponseEntity.BodyBuilder r =
        ResponseEntity.created(URI.create(location)).contentType(MediaType.APPLICATION_JSON);
    if (prefer != null && prefer.contains("respond-async")) {
      r.header("Preference-Applied", "respond-async");
    }
    return r.body(ProcessDocuments.statusInfo(base(request), job).toString());
  }

  @GetMapping("/jobs")
  ResponseEntity<String> jobs(
      @RequestParam(required = false) String processID,
      @RequestParam(defaultValue = "100") String limit,
      HttpServletRequest request)
      throws SQLException {
    List<String> kinds =
        processID == null
            ? processes.all().stream().map(AnalysisProcess::id).toList()
            : List.of(process(processID).id());
    return ok(ProcessDocuments.jobList(base(request), queue.list(kinds, limit(limit))).toString());
  }

  @GetMapping("/jobs/{id}")
  ResponseEntity<String> status(@PathVariable String id, HttpServletRequest request)
      throws SQLException {
    return ok(ProcessDocuments.statusInfo(base(request), job(id)).toString());
  }

  /**
   * The job's output: GeoJSON (default, {@code f=geojson|json}), CSV ({@code f=csv}) or XLSX
   * ({@code f=xlsx}); or by Accept.
   */
  @GetMapping("/jobs/{id}/results")
  ResponseEntity<byte[]> results(
      @PathVariable String id,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
      throws SQLException {
    Job job = job(id);
    if (job.status() == JobStatus.FAILED) {
      throw ProcessException.failed(id, job.message());
    }
    JobResult result =
        queue
            .result(job.id())
            .orElseThrow(() -> ProcessException.notReady(id, job.status().code()));
    String format = format(f, accept);
    String file = job.kind() + "-" + job.id();
    return switch (format) {
      case "csv" ->
          download(CsvEncoder.encode(table(result)), CsvEncoder.MEDIA_TYPE, file + ".csv");
      case "xlsx" ->
          download(
              XlsxEncoder.encode(table(result), job.kind()),
              XlsxEncoder.MEDIA_TYPE,
              file + ".xlsx");
      default ->
          ResponseEntity.ok()
              .contentType(MediaType.parseMediaType(result.mediaType()))
              .body(result.bytes());
    };
  }

  /**
   * Dismisses a job: a queued one never runs, a running one is cancelled, a finished one's result
   * is dropped.
   */
  @DeleteMapping("/jobs/{id}")
  ResponseEntity<String> dismiss(
      @PathVariable String id, Authentication auth, HttpServletRequest request)
      throws SQLException {
    Job job = job(id);
    boolean admin =
        auth != null
            && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    if (!admin && !job.client().equals(client(auth, request))) {
      throw ProcessException.forbidden(id);
    }
    Job dismissed = queue.dismiss(job.id()).orElseThrow(() -> ProcessException.noSuchJob(id));
    return ok(ProcessDocuments.statusInfo(base(request), dismissed).toString());
  }

  @ExceptionHandler(ProcessException.class)
  ResponseEntity<ProblemDetail> problem(ProcessException e) {
    return problem(e.status(), e.type(), e.getMessage());
  }

  @ExceptionHandler(AnalysisInputException.class)
  ResponseEntity<ProblemDetail> badInput(AnalysisInputException e) {
    return problem(400, "https://lzxq.city/problems/analysis-bad-input", e.getMessage());
  }

  @ExceptionHandler(JobLimitException.class)
  ResponseEntity<ProblemDetail> limit(JobLimitException e) {
    ResponseEntity<ProblemDetail> r =
        problem(429, "https://lzxq.city/problems/job-limit", e.getMessage());
    return ResponseEntity.status(429)
        .header("Retry-After", "60")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(r.getBody());
  }

  private static ResponseEntity<ProblemDetail> problem(int status, String type, String detail) {
    ProblemDetail p = ProblemDetail.forStatus(status);
    p.setType(URI.create(type));
    p.setTitle(type.substring(type.lastIndexOf('/') + 1));
    p.setDetail(detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  private AnalysisProcess process(String id) {
    return processes.find(id).orElseThrow(() -> ProcessException.noSuchProcess(id));
  }

  private Job job(String id) throws SQLException {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProcessException.noSuchJob(id);
    }
    Set<String> kinds = Set.copyOf(processes.all().stream().map(AnalysisProcess::id).toList());
    return queue
        .find(uuid)
        .filter(j -> kinds.contains(j.kind()))
        .orElseThrow(() -> ProcessException.noSuchJob(id));
  }

  private JsonNode inputs(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode request = json.readTree(body);
      if (!request.isObject()) {
        throw ProcessException.badRequest(
            "执行请求应为 JSON 对象 / the execute request must be a JSON object");
      }
      return request.get("inputs");
    } catch (JacksonException e) {
      throw ProcessException.badRequest("执行请求不是有效的 JSON / the execute request is not valid JSON");
    }
  }

  private ResultTable table(JobResult result) {
    return ResultTable.of(json.readTree(result.bytes()));
  }

  private static String format(String f, String accept) {
    if (f != null && !f.isBlank()) {
      return switch (f.toLowerCase(java.util.Locale.ROOT)) {
        case "geojson", "json" -> "geojson";
        case "csv" -> "csv";
        case "xlsx" -> "xlsx";
        default ->
            throw ProcessException.badRequest(
                "不支持的格式 f=" + f + " / unsupported format f=" + f + " (geojson, csv or xlsx)");
      };
    }
    if (accept != null && accept.contains("text/csv")) {
      return "csv";
    }
    return accept != null && accept.contains(XlsxEncoder.MEDIA_TYPE) ? "xlsx" : "geojson";
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, String mediaType, String file) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(mediaType))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .body(bytes);
  }

  private static int limit(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIST) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProcessException.badRequest("limit 应为 1–" + MAX_LIST + " / limit must be 1-" + MAX_LIST);
  }

  /**
   * Who submits: the user when logged in, else the client's address (bounds open jobs per client).
   */
  static String client(Authentication auth, HttpServletRequest request) {
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return "user:" + auth.getName();
    }
    return "anon:" + request.getRemoteAddr();
  }

  private static ResponseEntity<String> ok(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String base(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    return request.getScheme() + "://" + host + request.getContextPath() + "/ogcapi";
  }
}
