package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.coverage.CoverageRun;
import cn.lzxq.city.data.coverage.CoverageSettings;
import cn.lzxq.city.data.coverage.CoverageStatistics;
import cn.lzxq.city.data.job.JobContext;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.server.processes.ExtraProcess;
import cn.lzxq.city.server.processes.JobsProperties;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code coverage} process: computes the best-server RSRP and SINR grid of every operator and
 * band as a job of the one queue. Inputs (all optional): {@code cellSize} (metres, 10–100, default
 * 25), {@code mode} ({@code update}: only around the sector edits since the current grid of that
 * cell size, a whole run when there is none — the default; {@code whole}: afresh), and for a whole
 * run {@code radius} (metres, 500–5,000, default 2,000), {@code load} (0–1, default 0.5), {@code
 * noiseFigure} (dB, 0–20, default 9), {@code terrain} (true/false, default true: line of sight
 * against the DEM and the buildings). The WLAN access points are computed in the same run into the
 * layer {@code coverage_wlan}. The result is a GeoJSON FeatureCollection without geometries: one
 * feature per layer with its statistics, the run's {@code computeMs} and, of it, {@code
 * wlanComputeMs} (the WLAN layer).
 */
@Component
@Order(1)
class CoverageProcess implements ExtraProcess {

  static final Set<String> INPUTS =
      Set.of("cellSize", "mode", "radius", "load", "noiseFigure", "terrain");

  private final CoverageRun run;
  private final JsonMapper json;
  private final JobsProperties jobs;

  CoverageProcess(CoverageRun run, JsonMapper json, JobsProperties jobs) {
    this.run = run;
    this.json = json;
    this.jobs = jobs;
  }

  @Override
  public String id() {
    return "coverage";
  }

  @Override
  public String titleZh() {
    return "无线覆盖计算";
  }

  @Override
  public String titleEn() {
    return "Radio coverage";
  }

  @Override
  public String description() {
    return "Best-server RSRP (dBm per resource element) and SINR (dB) per operator and band on a"
        + " grid (TR 38.901 UMa with line of sight against the DEM and the buildings, COST-231"
        + " Hata inside its validity, TR 36.814 sector patterns); stored for the coverage layers."
        + " mode=update recomputes only around sectors, sites and buildings edited since the last"
        + " run.";
  }

  @Override
  public Set<String> inputs() {
    return INPUTS;
  }

  @Override
  public void check(JsonNode inputs) {
    Request.read(inputs);
  }

  @Override
  public JobHandler handler() {
    return (job, ctx) -> {
      Request r = Request.read(json.readTree(job.inputs()));
      CoverageRun.Monitor monitor = monitor(ctx);
      CoverageRun.Summary s =
          r.whole()
              ? run.whole(r.settings(), jobs.timeLimit(), monitor)
              : run.update(r.settings().cellM(), jobs.timeLimit(), monitor);
      return new JobResult(json.writeValueAsBytes(result(s)), "application/geo+json");
    };
  }

  private static CoverageRun.Monitor monitor(JobContext ctx) {
    return new CoverageRun.Monitor() {
      @Override
      public void progress(int percent, String message) {
        ctx.progress(percent, message);
      }

      @Override
      public boolean cancelled() {
        return ctx.cancelled();
      }
    };
  }

  private ObjectNode result(CoverageRun.Summary s) {
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (CoverageStatistics st : s.layers()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.putNull("geometry");
      ObjectNode p = f.putObject("properties");
      p.put(
          "layer",
          new cn.lzxq.city.data.coverage.CoverageSector.LayerKey(st.operator(), st.band())
              .layerName());
      p.put("operator", st.operator());
      p.put("band", st.band());
      p.put("gridId", s.gridId());
      p.put("cellSizeM", s.grid().cellM());
      p.put("whole", s.whole());
      p.put("sectors", s.sectors());
      p.put("accessPoints", s.accessPoints());
      p.put("cells", st.cells());
      p.put("reached", st.reached());
      p.put("thresholdDbm", st.thresholdDbm());
      p.put("covered", st.covered());
      p.put("coveredShare", Math.round(st.coveredShare() * 10_000) / 10_000.0);
      number(p, "meanRsrpDbm", st.meanRsrpDbm());
      number(p, "meanSinrDb", st.meanSinrDb());
      p.put("computeMs", s.computeMs());
      p.put("wlanComputeMs", s.wlanComputeMs());
    }
    return fc;
  }

  private static void number(ObjectNode p, String name, double v) {
    if (Double.isNaN(v)) {
      p.putNull(name);
    } else {
      p.put(name, Math.round(v * 100) / 100.0);
    }
  }

  /** The inputs of a submission. */
  record Request(boolean whole, CoverageSettings settings) {

    static Request read(JsonNode in) {
      if (in != null && !in.isNull() && !in.isObject()) {
        throw new AnalysisInputException("inputs 应为对象", "inputs must be a JSON object");
      }
      if (in == null || in.isNull()) {
        return new Request(false, CoverageSettings.DEFAULT);
      }
      for (String name : in.propertyNames()) {
        if (!INPUTS.contains(name)) {
          throw new AnalysisInputException(
              "未知输入：" + name, "unknown input '" + name + "' (allowed: " + INPUTS + ")");
        }
      }
      CoverageSettings d = CoverageSettings.DEFAULT;
      String mode = in.has("mode") ? in.get("mode").asString() : "update";
      if (!mode.equals("update") && !mode.equals("whole")) {
        throw new AnalysisInputException(
            "mode 应为 update 或 whole", "mode must be update or whole, not " + mode);
      }
      boolean terrain = d.terrain();
      if (in.has("terrain")) {
        String t = in.get("terrain").asString();
        if (!t.equals("true") && !t.equals("false")) {
          throw new AnalysisInputException(
              "terrain 应为 true 或 false", "terrain must be true or false");
        }
        terrain = Boolean.parseBoolean(t);
      }
      return new Request(
          mode.equals("whole"),
          new CoverageSettings(
              number(in, "cellSize", d.cellM(), 10, 100, "m"),
              d.receiverHeightM(),
              number(in, "radius", d.radiusM(), 500, 5_000, "m"),
              number(in, "noiseFigure", d.noiseFigureDb(), 0, 20, "dB"),
              number(in, "load", d.load(), 0, 1, ""),
              terrain));
    }

    private static double number(
        JsonNode in, String name, double fallback, double min, double max, String unit) {
      JsonNode v = in.get(name);
      if (v == null || v.isNull()) {
        return fallback;
      }
      double d;
      try {
        d = Double.parseDouble(v.asString());
      } catch (NumberFormatException e) {
        d = Double.NaN;
      }
      if (!(d >= min && d <= max)) {
        String range = min + "–" + max + (unit.isEmpty() ? "" : " " + unit);
        throw new AnalysisInputException(
            name + " 应在 " + range, name + " must be a number in " + range);
      }
      return d;
    }
  }
}
