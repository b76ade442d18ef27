package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.collision.CollisionCheck;
import cn.lzxq.city.data.analysis.collision.CoverCheck;
import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobHandlers;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.server.analysis.AnswerWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyses offered as processes (clearance, collision, cover of the existing network) and their
 * job handlers. A job runs the same check as the synchronous {@code /api/analysis} call, without
 * the area limit (no area = the whole city) and under {@code city.jobs.time-limit}. Processes of
 * other capabilities ({@link ExtraProcess}) are listed with them and bring their own check and job.
 */
final class AnalysisProcesses implements JobHandlers {

  private static final Set<String> COVER_INPUTS = with(ProcessInputs.SCOPE, "frostDepth");

  private final Map<String, AnalysisProcess> processes = new LinkedHashMap<>();
  private final Map<String, ExtraProcess> extras = new LinkedHashMap<>();
  private final AnalysisDb db;
  private final AnswerWriter writer;
  private final JsonMapper json;
  private final Duration timeLimit;
  private final Duration checkLimit;

  /**
   * @param timeLimit time limit of one job
   * @param checkLimit time limit of checking a submission's inputs (the synchronous limit)
   */
  AnalysisProcesses(
      AnalysisDb db,
      AnswerWriter writer,
      JsonMapper json,
      Duration timeLimit,
      Duration checkLimit,
      List<ExtraProcess> extras) {
    this.db = db;
    this.writer = writer;
    this.json = json;
    this.timeLimit = timeLimit;
    this.checkLimit = checkLimit;
    add(
        new AnalysisProcess(
            "clearance",
            "净距检查",
            "Clearance check",
            "Horizontal and vertical clearances wall to wall against GB 50289-2016 (clearance_rule) for every pipe of the "
                + "area (the whole city without one); the violating pairs as GeoJSON points.",
            ProcessInputs.SCOPE,
            (s, scope, in) -> ClearanceCheck.existing(s, scope)));
    add(
        new AnalysisProcess(
            "collision",
            "碰撞检查",
            "Collision check",
            "Pipe solids that overlap in 3D, for every pipe of the area (the whole city without one).",
            ProcessInputs.SCOPE,
            (s, scope, in) -> CollisionCheck.existing(s, scope)));
    add(
        new AnalysisProcess(
            "cover",
            "覆土检查",
            "Cover depth check",
            "Cover depth against cover_rule (CJJ 61 / GB 50289, frost depth where it governs) for every pipe of the area.",
            COVER_INPUTS,
            (s, scope, in) -> CoverCheck.run(s, scope, in.frostDepthM())));
    for (ExtraProcess e : extras) {
      add(new AnalysisProcess(e.id(), e.titleZh(), e.titleEn(), e.description(), e.inputs(), null));
      this.extras.put(e.id(), e);
    }
  }

  private void add(AnalysisProcess p) {
    processes.put(p.id(), p);
  }

  List<AnalysisProcess> all() {
    return List.copyOf(processes.values());
  }

  Optional<AnalysisProcess> find(String id) {
    return Optional.ofNullable(processes.get(id));
  }

  /**
   * Checks a submission's inputs (syntax, and that its road, project, owner, network and box exist)
   * under the synchronous time limit, so a bad request is answered 400 at once.
   */
  void check(AnalysisProcess p, JsonNode inputs) {
    if (extras.containsKey(p.id())) {
      extras.get(p.id()).check(inputs);
      return;
    }
    ProcessInputs in = ProcessInputs.read(inputs, p.inputs());
    db.run(checkLimit, s -> ScopeResolver.resolve(s, in.scope(), Double.POSITIVE_INFINITY));
  }

  /** The job handlers, by process id. */
  @Override
  public Map<String, JobHandler> handlers() {
    Map<String, JobHandler> out = new LinkedHashMap<>();
    processes
        .values()
        .forEach(
            p ->
                out.put(
                    p.id(),
                    extras.containsKey(p.id()) ? extras.get(p.id()).handler() : handler(p)));
    return out;
  }

  private JobHandler handler(AnalysisProcess p) {
    return (job, ctx) -> {
      ProcessInputs in = ProcessInputs.read(json.readTree(job.inputs()), p.inputs());
      ctx.progress(5, "resolving the scope");
      Listing<?> answer =
          db.run(
              timeLimit,
              s -> {
                ctx.backend(
                    s.query("SELECT pg_backend_pid() AS pid", Map.of(), r -> r.integer("pid"))
                        .get(0));
                try {
                  var scope = ScopeResolver.resolve(s, in.scope(), Double.POSITIVE_INFINITY);
                  ctx.progress(
                      10,
                      "checking " + (scope.region() == null ? "the whole city" : scope.areaKind()));
                  return p.check().run(s, scope, in);
                } finally {
                  ctx.backend(0);
                }
              });
      ctx.progress(90, "writing " + answer.items().size() + " items");
      return new JobResult(writer.geoJson(answer), AnswerWriter.GEO_JSON.toString());
    };
  }

  private static Set<String> with(Set<String> base, String extra) {
    Set<String> s = new HashSet<>(base);
    s.add(extra);
    return Set.copyOf(s);
  }
}
