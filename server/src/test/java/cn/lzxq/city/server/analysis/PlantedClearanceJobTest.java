package cn.lzxq.city.server.analysis;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.sample.PlantedDefect;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole-city clearance job (OGC API Processes, no area: the whole {@code small} sample) finds
 * exactly the pairs the generator plants (pipe pairs, and pipes against a kerb, a building wall, a
 * pole, a 110 kV tower foundation and a street tree; their controls laid just outside the value are
 * not reported), no other, each with the value the standard asks, typed here from GB 50289-2016
 * Tables 4.1.9 / 4.1.14 and GB 50028-2006 (DOMAIN.md §1), never read from clearance_rule; every
 * planted pair lies just inside that value, and V7 only wall to wall.
 */
class PlantedClearanceJobTest extends GeneratedSampleContextTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The standard's minimum for each planted pair, metres. */
  private static final Map<String, Double> STANDARD =
      Map.ofEntries(
          entry("H1", 1.5), // water d > 200 mm – sewer, Table 4.1.9 (drainage row, verified)
          entry("H2", 1.0), // gas medium A – power in conduit, Table 4.1.9 / GB 50028 Table 6.3.3-1
          entry("H3", 1.5), // direct-buried heat – storm, Table 4.1.9
          entry("H4", 1.0), // telecom in conduit – sewer, Table 4.1.9 (verified)
          entry("H5", 0.5), // reclaimed water – water, Table 4.1.9
          entry("H6", 1.0), // power in conduit – gas medium A, Table 4.1.9
          entry("H7", 0.5), // direct-buried telecom – gas medium A, Table 4.1.9
          entry("H9", 1.5), // gas high A (> 1.6 MPa) – power in conduit: the sub-high A floor, §6.4
          entry("V1", 0.40), // water over sewer, Table 4.1.14 (drainage column, verified)
          entry("V2", 0.25), // power in conduit over storm, Table 4.1.14 (verified)
          entry("V3", 0.15), // gas over sewer, Table 4.1.14 (verified)
          entry("V4", 0.40), // reclaimed water over sewer, Table 4.1.14 (verified)
          entry("V5", 0.50), // direct-buried power over storm, Table 4.1.14 (verified)
          entry("V6", 0.15), // telecom in conduit over sewer, Table 4.1.14 (verified)
          entry("V7", 0.40), // water over storm, Table 4.1.14 (verified)
          entry("C1", 0.40)); // water through storm: the water–drainage vertical value

  /**
   * The standard's minimum for each planted pipe–feature pair and its control, metres (Table
   * 4.1.9).
   */
  private static final Map<String, Double> FEATURE_STANDARD =
      Map.ofEntries(
          entry("K1", 1.5), // direct-buried telecom – 道路侧石边缘 (kerb edge)
          entry("W1", 1.0), // water d <= 200 mm – 建(构)筑物 (outer wall)
          entry("W2", 1.0), // the same, control just outside
          entry("P1", 0.5), // telecom – 地上杆柱 通信照明及<10kV (pole centre)
          entry("P2", 0.5), // the same, control just outside
          entry("Y1", 2.0), // gas medium A – 高压铁塔基础边 > 35 kV, GB 50028-2006 Table 6.3.3-1
          entry("Y2", 2.0), // the same, control just outside
          entry("Q1", 1.5), // water – 乔木 (street tree, to the trunk centre)
          entry("Q2", 1.5)); // the same, control just outside

  /** The feature type each kind of planted pipe–feature pair is checked against. */
  private static final Map<String, String> FEATURE_TYPE =
      Map.of(
          "kerb_clearance", "KERB",
          "building_clearance", "BUILDING",
          "pole_clearance", "POLE",
          "tower_clearance", "TOWERHV",
          "tree_clearance", "TREE");

  @Test
  void theWholeCityJobFindsExactlyThePlantedPairsAtTheStandardsValues() throws Exception {
    JsonNode fc = JSON.readTree(result(runJob("clearance", "{}")).body());
    Map<String, JsonNode> reported = new HashMap<>();
    Map<String, JsonNode> features = new HashMap<>();
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      switch (p.get("finding").asString()) {
        case "violation" -> reported.put(pair(p.at("/a/fid").asLong(), p.at("/b/fid").asLong()), p);
        case "feature_violation" ->
            features.put(p.at("/a/fid").asLong() + "/" + p.at("/feature/type").asString(), p);
        case "unchecked", "feature_unchecked" -> {
          assertThat(p.get("reason").asString()).contains("需人工复核");
          assertThat(p.get("count").asInt()).isPositive();
          assertThat(p.get("geometry")).isNull();
        }
        default -> {}
      }
    }
    Set<String> planted = new TreeSet<>();
    Set<String> plantedFeatures = new TreeSet<>();
    for (PlantedDefect d : manifest.defects()) {
      if (FEATURE_STANDARD.containsKey(d.id())) {
        assertThat(d.fids()).as(d.id() + " names its pipe").hasSize(1);
        assertThat(FEATURE_TYPE).containsKey(d.kind());
        String key = d.fids().get(0) + "/" + FEATURE_TYPE.get(d.kind());
        double standard = FEATURE_STANDARD.get(d.id());
        JsonNode v = features.get(key);
        if (!d.violation()) {
          assertThat(v).as(d.id() + " " + d.note() + " reported (a false positive)").isNull();
          assertThat(d.measuredM())
              .as(d.id() + " just outside the standard")
              .isGreaterThan(standard);
          continue;
        }
        plantedFeatures.add(key);
        assertThat(v).as(d.id() + " " + d.note() + " not reported").isNotNull();
        assertThat(v.get("requiredM").asDouble()).as(d.id()).isCloseTo(standard, offset(1e-9));
        assertThat(v.get("measuredM").asDouble())
            .as(d.id() + " just inside the standard")
            .isCloseTo(d.measuredM(), offset(0.01))
            .isLessThan(standard);
      }
      if (!STANDARD.containsKey(d.id())) {
        continue;
      }
      assertThat(d.fids()).as(d.id() + " names its two pipes").hasSize(2);
      String pair = pair(d.fids().get(0), d.fids().get(1));
      planted.add(pair);
      JsonNode v = reported.get(pair);
      assertThat(v).as(d.id() + " " + d.note() + " not reported").isNotNull();
      double standard = STANDARD.get(d.id());
      assertThat(v.get("requiredM").asDouble()).as(d.id()).isCloseTo(standard, offset(1e-9));
      assertThat(v.get("measuredM").asDouble())
          .as(d.id() + " just inside the standard")
          .isCloseTo(d.measuredM(), offset(0.01))
          .isLessThan(standard);
      assertThat(v.get("direction").asString())
          .isEqualTo(d.id().startsWith("H") ? "horizontal" : "vertical");
    }
    assertThat(planted).as("every planted pair id in the manifest").hasSize(STANDARD.size());
    assertThat(new TreeSet<>(reported.keySet()))
        .as("reported violations besides the planted ones")
        .isEqualTo(planted);
    assertThat(fc.at("/answer/count").asInt()).isEqualTo(STANDARD.size());
    assertThat(plantedFeatures)
        .as("every planted feature violation in the manifest")
        .hasSize(
            (int)
                manifest.defects().stream()
                    .filter(d -> FEATURE_STANDARD.containsKey(d.id()) && d.violation())
                    .count())
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(manifest.defects())
        .as("every planted feature pair and control")
        .filteredOn(d -> FEATURE_STANDARD.containsKey(d.id()))
        .hasSize(FEATURE_STANDARD.size());
    assertThat(new TreeSet<>(features.keySet()))
        .as("reported pipe–feature violations besides the planted ones")
        .isEqualTo(plantedFeatures);
  }

  @Test
  void v7IsOnlyAViolationWallToWall() throws Exception {
    PlantedDefect v7 =
        manifest.defects().stream().filter(d -> d.id().equals("V7")).findFirst().orElseThrow();
    // The storm main is reinforced concrete: wall DN/10 (GB/T 11836-2009), so the gap to its
    // inner crown is 0.36 m + the wall, at least the 0.40 m of Table 4.1.14.
    List<String> main =
        Sql.strings(
            db,
            "SELECT material || ',' || dn_mm FROM pipe_segment WHERE network = 'PS' AND valid_to IS NULL AND fid IN ("
                + v7.fids().get(0)
                + ","
                + v7.fids().get(1)
                + ")");
    assertThat(main).hasSize(1);
    String[] materialDn = main.get(0).split(",");
    assertThat(materialDn[0]).isEqualTo("T");
    double wall = Integer.parseInt(materialDn[1]) / 10.0 / 1000.0;
    assertThat(v7.measuredM()).isLessThan(0.40);
    assertThat(v7.measuredM() + wall).isGreaterThanOrEqualTo(0.40);
  }

  @Test
  void theJobsCsvListsFindingsAndUncheckedClassesWithTheirReason() throws Exception {
    String id = runJob("clearance", "{}");
    HttpResponse<String> csv = Http.get(url("/ogcapi/jobs/" + id + "/results?f=csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    List<String> header = List.of(lines[0].split(","));
    assertThat(header).contains("finding", "a.fid", "b.fid", "aType", "bType", "count", "reason");
    assertThat(header.get(0)).isEqualTo("finding");
    long violations = 0;
    for (int i = 1; i < lines.length; i++) {
      violations += lines[i].split(",", 2)[0].equals("violation") ? 1 : 0;
    }
    assertThat(violations).isEqualTo(STANDARD.size());
  }

  private static String pair(long a, long b) {
    return Math.min(a, b) + "/" + Math.max(a, b);
  }

  private HttpResponse<String> result(String id) throws Exception {
    HttpResponse<String> r = Http.get(url("/ogcapi/jobs/" + id + "/results"));
    assertThat(r.statusCode()).isEqualTo(200);
    return r;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
