package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.sample.PlantedDefect;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recall and precision on the generator's {@code small} sample: every defect its manifest plants is
 * found by the analysis API with the planted rule and figures (a control planted just outside a
 * rule, verdict clear, is not reported), and every violation the API reports over the whole sample
 * (pipe pairs, pipes against buildings, poles, tower foundations, street trees and kerbs) is
 * confirmed by an independent SQL check written here.
 */
class PlantedDefectsRecallTest extends GeneratedSampleContextTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyPlantedDefectIsFound() throws Exception {
    assertThat(manifest.defects()).isNotEmpty();
    List<String> missed = new ArrayList<>();
    for (PlantedDefect d : manifest.defects()) {
      if (!found(d)) {
        missed.add(
            d.id()
                + " "
                + d.kind()
                + " "
                + d.fids()
                + d.siteCodes()
                + " rule "
                + d.ruleId()
                + " measured "
                + d.measuredM()
                + ": "
                + d.note());
      }
    }
    assertThat(missed)
        .as("planted defects not found (recall must be 100 %) or controls reported")
        .isEmpty();
  }

  @Test
  void everyReportedViolationIsConfirmedByAnIndependentSqlCheck() throws Exception {
    String bbox = sampleBbox();
    JsonNode clearance = get("/api/analysis/clearance?bbox=" + bbox);
    assertThat(clearance.get("count").asInt()).isPositive();
    for (JsonNode v : clearance.get("violations")) {
      long a = v.at("/a/fid").asLong();
      long b = v.at("/b/fid").asLong();
      String direction = v.get("direction").asString();
      double measured = IndependentCheck.clearance(db, a, b, direction);
      Double standard = IndependentCheck.standardClearance(db, a, b, direction);
      assertThat(v.get("measuredM").asDouble())
          .as(a + "/" + b + " " + direction)
          .isCloseTo(measured, offset(0.002));
      assertThat(standard)
          .as(a + "/" + b + " " + direction + ": no value in the standards")
          .isNotNull();
      assertThat(v.get("requiredM").asDouble()).as(a + "/" + b).isEqualTo(standard);
      assertThat(measured).as(a + "/" + b).isLessThan(standard);
    }
    for (JsonNode v : clearance.get("featureViolations")) {
      long pipe = v.at("/pipe/fid").asLong();
      String type = v.at("/feature/type").asString();
      String what = pipe + " / " + type + " " + v.at("/feature/fid").asLong();
      double measured =
          IndependentCheck.featureClearance(
              db, pipe, type, v.at("/feature/fid").asLong(), v.at("/feature/code").asString());
      Double standard = IndependentCheck.standardFeatureClearance(db, pipe, type);
      assertThat(v.get("measuredM").asDouble()).as(what).isCloseTo(measured, offset(0.002));
      assertThat(standard).as(what + ": no value in the standards").isNotNull();
      assertThat(v.get("requiredM").asDouble()).as(what).isEqualTo(standard);
      assertThat(measured).as(what).isLessThan(standard);
    }
    for (JsonNode v : get("/api/analysis/cover?bbox=" + bbox).get("violations")) {
      double measured = IndependentCheck.cover(db, v.at("/pipe/fid").asLong());
      assertThat(v.get("coverM").asDouble()).isCloseTo(measured, offset(0.002));
      assertThat(measured).isLessThan(v.get("requiredM").asDouble());
    }
    for (JsonNode f : get("/api/analysis/site-qa?bbox=" + bbox).get("flags")) {
      if (f.get("flag").asString().equals("too_close")) {
        double d =
            Double.parseDouble(
                Sql.strings(
                        db,
                        "SELECT ST_Distance(a.geom, b.geom) FROM base_station a, base_station b"
                            + " WHERE a.valid_to IS NULL AND b.valid_to IS NULL AND a.site_code = '"
                            + f.get("siteCode").asString()
                            + "' AND b.site_code = '"
                            + f.get("other").asString()
                            + "'")
                    .get(0));
        assertThat(d)
            .isCloseTo(f.get("measured").asDouble(), offset(0.01))
            .isLessThan(f.get("limit").asDouble());
      }
    }
  }

  private boolean found(PlantedDefect d) throws Exception {
    String near =
        "bbox-crs=EPSG:4544&bbox="
            + (d.y() - 60)
            + ","
            + (d.x() - 60)
            + ","
            + (d.y() + 60)
            + ","
            + (d.x() + 60);
    switch (d.kind()) {
      case "horizontal_clearance", "vertical_clearance" -> {
        String direction = d.kind().startsWith("horizontal") ? "horizontal" : "vertical";
        for (JsonNode v : get("/api/analysis/clearance?" + near).get("violations")) {
          if (v.get("direction").asString().equals(direction)
              && samePair(v, d)
              && v.at("/rule/id").asString().equals(String.valueOf(d.ruleId()))
              && Math.abs(v.get("measuredM").asDouble() - d.measuredM()) < 0.01
              && Math.abs(v.get("requiredM").asDouble() - d.requiredM()) < 1e-6) {
            return true;
          }
        }
        return false;
      }
      case "kerb_clearance",
          "building_clearance",
          "pole_clearance",
          "tower_clearance",
          "tree_clearance" -> {
        String type =
            switch (d.kind()) {
              case "tower_clearance" -> "TOWERHV";
              default -> d.kind().substring(0, d.kind().indexOf('_')).toUpperCase(Locale.ROOT);
            };
        boolean reported = false;
        for (JsonNode v : get("/api/analysis/clearance?" + near).get("featureViolations")) {
          if (v.at("/feature/type").asString().equals(type)
              && d.fids().contains(v.at("/pipe/fid").asLong())) {
            reported = true;
            if (d.violation()
                && v.at("/rule/id").asString().equals(String.valueOf(d.ruleId()))
                && Math.abs(v.get("measuredM").asDouble() - d.measuredM()) < 0.01
                && Math.abs(v.get("requiredM").asDouble() - d.requiredM()) < 1e-6) {
              return true;
            }
          }
        }
        // a control (verdict clear) is found as planted when nothing is reported for it
        return !d.violation() && !reported && d.fids().size() == 1;
      }
      case "survey_elevation" -> {
        for (JsonNode v : get("/api/analysis/survey-qa?" + near).get("deviations")) {
          if (d.pointNumbers().contains(v.get("expNo").asString())
              && Math.abs(v.get("differenceM").asDouble() - d.measuredM()) < 0.1) {
            return true;
          }
        }
        return false;
      }
      case "collision" -> {
        boolean clash = false;
        for (JsonNode c : get("/api/analysis/collision?" + near).get("collisions")) {
          clash |= samePair(c, d);
        }
        boolean vertical = false;
        for (JsonNode v : get("/api/analysis/clearance?" + near).get("violations")) {
          vertical |=
              samePair(v, d)
                  && v.at("/rule/id").asString().equals(String.valueOf(d.ruleId()))
                  && v.get("measuredM").asDouble() < 0;
        }
        return clash && vertical;
      }
      case "shallow_cover" -> {
        for (JsonNode v : get("/api/analysis/cover?" + near).get("violations")) {
          if (d.fids().contains(v.at("/pipe/fid").asLong())
              && v.at("/rules/0/id").asString().equals(String.valueOf(d.ruleId()))
              && Math.abs(v.get("coverM").asDouble() - d.measuredM()) < 0.01
              && Math.abs(v.get("requiredM").asDouble() - d.requiredM()) < 1e-6) {
            return true;
          }
        }
        return false;
      }
      case "site_spacing", "emf_sensitive_parcel" -> {
        String flag =
            d.kind().equals("site_spacing") ? "too_close" : "sensitive_parcel_within_protection";
        for (JsonNode f : get("/api/analysis/site-qa?" + near).get("flags")) {
          Set<String> sites =
              d.kind().equals("site_spacing")
                  ? Set.of(f.get("siteCode").asString(), f.get("other").asString())
                  : Set.of(f.get("siteCode").asString());
          if (f.get("flag").asString().equals(flag)
              && sites.equals(Set.copyOf(d.siteCodes()))
              && f.at("/rule/id").asString().equals(String.valueOf(d.ruleId()))
              && Math.abs(f.get("measured").asDouble() - d.measuredM()) < 0.01) {
            return true;
          }
        }
        return false;
      }
      case "building_height", "parcel_far", "parcel_coverage" -> {
        for (JsonNode f : get("/api/analysis/zoning/compliance?" + near).get("findings")) {
          if (f.get("kind").asString().equals(d.kind())
              && f.get("fid").asLong() == d.fids().get(0)
              && Math.abs(f.get("measured").asDouble() - d.measuredM()) < 0.002
              && Math.abs(f.get("allowed").asDouble() - d.requiredM()) < 1e-6) {
            return true;
          }
        }
        return false;
      }
      default -> throw new IllegalStateException("unknown planted defect kind " + d.kind());
    }
  }

  private static boolean samePair(JsonNode v, PlantedDefect d) {
    return Set.of(v.at("/a/fid").asLong(), v.at("/b/fid").asLong()).equals(Set.copyOf(d.fids()));
  }

  /** GETs with the client's usual 30 s. */
  private JsonNode get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = Http.get("http://localhost:" + port + pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
