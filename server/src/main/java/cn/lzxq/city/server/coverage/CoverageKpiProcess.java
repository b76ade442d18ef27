package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.coverage.CoverageKpi;
import cn.lzxq.city.data.coverage.CoverageSector;
import cn.lzxq.city.data.coverage.HoleHosts;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.server.processes.ExtraProcess;
import cn.lzxq.city.server.processes.JobsProperties;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code coverage-kpi} process: coverage of the current grid against the plan ({@link
 * CoverageKpi}: share of built-up parcel area covered per operator and band, in total, by GB 50137
 * major and medium class, by district and by class within each district, against {@code
 * coverage_target}; {@code classLevel} all, major or medium) and the holes of at least {@code
 * minHoleArea} m² (default 2,500) as polygons, each with the existing towers and power towers that
 * could host a new sector to fill it, ranked (those that can host first) by the hole area a typical
 * sector of the operator's band on them would cover ({@link HoleHosts}); a hole of the WLAN layer
 * lists the mounts of a new access point instead (street-light poles and towers, building walls,
 * access point poles, {@link cn.lzxq.city.data.coverage.WlanHoleHosts}), ranked the same way. Each
 * candidate carries its place as a CRS84 point ({@code geometry}). Each hole names the district
 * holding most of it. One GeoJSON FeatureCollection: {@code kind} kpi (no geometry) and hole
 * (polygon, CRS84); CSV and XLSX from the results endpoint.
 */
@Component
@Order(2)
class CoverageKpiProcess implements ExtraProcess {

  private final ReadExecutor reads;
  private final AnalysisDb analysis;
  private final JsonMapper json;
  private final JobsProperties jobs;

  CoverageKpiProcess(
      ReadExecutor reads, AnalysisDb analysis, JsonMapper json, JobsProperties jobs) {
    this.reads = reads;
    this.analysis = analysis;
    this.json = json;
    this.jobs = jobs;
  }

  @Override
  public String id() {
    return "coverage-kpi";
  }

  @Override
  public String titleZh() {
    return "覆盖指标与盲区";
  }

  @Override
  public String titleEn() {
    return "Coverage KPIs and holes";
  }

  @Override
  public String description() {
    return "Share of built-up parcel area (in total, by GB 50137 major and medium class, by district"
        + " and by class within each district) covered per operator"
        + " and band against"
        + " coverage_target, coverage holes of at least minHoleArea m² as polygons, and for each"
        + " hole the existing towers and power towers that could host a sector to fill it, ranked"
        + " (those that can host first) by the hole area covered; for a WLAN hole the street-light"
        + " poles, towers, building walls and access point poles a new access point could go on,"
        + " ranked the same way. Reads the grid of the last coverage run.";
  }

  @Override
  public Set<String> inputs() {
    return Set.of("minHoleArea");
  }

  @Override
  public void check(JsonNode inputs) {
    minHoleArea(inputs);
  }

  static double minHoleArea(JsonNode in) {
    if (in != null && !in.isNull() && !in.isObject()) {
      throw new AnalysisInputException("inputs 应为对象", "inputs must be a JSON object");
    }
    if (in == null || in.isNull()) {
      return 2_500;
    }
    for (String name : in.propertyNames()) {
      if (!name.equals("minHoleArea")) {
        throw new AnalysisInputException("未知输入：" + name, "unknown input '" + name + "'");
      }
    }
    JsonNode v = in.get("minHoleArea");
    double d;
    try {
      d = v == null || v.isNull() ? 2_500 : Double.parseDouble(v.asString());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= 0 && d <= 10_000_000)) {
      throw new AnalysisInputException(
          "minHoleArea 应在 0–10,000,000 m²", "minHoleArea must be a number in 0–10,000,000 m²");
    }
    return d;
  }

  @Override
  public JobHandler handler() {
    return (job, ctx) -> {
      double min = minHoleArea(json.readTree(job.inputs()));
      ctx.progress(10, "measuring coverage against the targets");
      CoverageKpi.Report report = reads.read(jobs.timeLimit(), tx -> CoverageKpi.run(tx, min));
      if (report == null) {
        throw new IllegalStateException("no coverage grid: run the coverage process first");
      }
      ctx.progress(60, report.holes().size() + " holes: finding host towers");
      ObjectNode fc = json.createObjectNode();
      fc.put("type", "FeatureCollection");
      ArrayNode features = fc.putArray("features");
      for (CoverageKpi.Share s : report.shares()) {
        ObjectNode p = feature(features, null);
        p.put("kind", "kpi");
        p.put("layer", layer(s.operator(), s.band()));
        p.put("operator", s.operator());
        p.put("band", s.band());
        p.put("landUseClass", s.landUseClass() == null ? "all" : s.landUseClass());
        p.put(
            "classLevel",
            s.landUseClass() == null ? "all" : s.landUseClass().length() == 1 ? "major" : "medium");
        p.put("district", s.district() == null ? "all" : s.district());
        p.put("parcelAreaM2", s.parcelAreaM2());
        p.put("coveredAreaM2", s.coveredAreaM2());
        p.put("share", Math.round(s.share() * 10_000) / 10_000.0);
        p.put("targetShare", s.targetShare());
        p.put("thresholdDbm", s.thresholdDbm());
        p.put("met", s.met());
      }
      analysis.run(
          jobs.timeLimit(),
          session -> {
            ResolvedScope now =
                ScopeResolver.resolve(session, Scope.everything(null), Double.POSITIVE_INFINITY);
            int n = 0;
            for (CoverageKpi.Hole h : report.holes()) {
              ctx.checkCancelled();
              ObjectNode geometry = geoJson(session, h.polygon());
              ObjectNode p = feature(features, geometry);
              p.put("kind", "hole");
              p.put("hole", ++n);
              p.put("layer", layer(h.operator(), h.band()));
              p.put("operator", h.operator());
              p.put("band", h.band());
              p.put("areaM2", h.areaM2());
              p.put("thresholdDbm", h.thresholdDbm());
              p.put("district", h.district());
              ArrayNode candidates = p.putArray("candidates");
              for (HoleHosts.Host host :
                  HoleHosts.rank(session, now, h, report.grid().settings())) {
                ObjectNode c = candidates.addObject();
                c.put("rank", host.rank());
                c.put("layer", host.layer());
                c.put("siteCode", host.candidate().siteCode());
                c.put("towerType", host.candidate().towerType());
                c.put("distanceM", host.candidate().distanceM());
                c.put("canHost", host.candidate().canHost());
                c.put("coveredAreaM2", Math.round(host.coveredAreaM2()));
                c.put("reachM", host.reachM());
                c.put("antennaHeightM", host.antennaHeightM());
                if (host.candidate().geometry() != null) {
                  c.set("geometry", json.readTree(host.candidate().geometry().json()));
                }
              }
            }
            return null;
          });
      return new JobResult(json.writeValueAsBytes(fc), "application/geo+json");
    };
  }

  private static String layer(String operator, String band) {
    return new CoverageSector.LayerKey(operator, band).layerName();
  }

  private static ObjectNode feature(ArrayNode features, ObjectNode geometry) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    if (geometry == null) {
      f.putNull("geometry");
    } else {
      f.set("geometry", geometry);
    }
    return f.putObject("properties");
  }

  private ObjectNode geoJson(Session s, Geometry g) throws SQLException {
    String text =
        s.query(
                "SELECT ST_AsGeoJSON(ST_Transform(ST_GeomFromWKB(:wkb, :srid), 4326), 7) AS g",
                Map.of("wkb", new WKBWriter().write(g), "srid", s.nativeSrid()),
                r -> r.str("g"))
            .get(0);
    return (ObjectNode) json.readTree(text);
  }
}
