package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.coverage.Carrier;
import cn.lzxq.city.data.coverage.LinkBudget;
import cn.lzxq.city.data.coverage.Propagation;
import cn.lzxq.city.data.coverage.SectorPattern;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.tilestore.TileStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Coverage end to end over HTTP on the analysis fixture (sites LZXQ-0001 at local (500, 500) with
 * CMCC n41 sectors at 38 m, LZXQ-0002 at (560, 500) with CMCC n41 at 33 m and CUCC/CTCC n78): the
 * {@code coverage} process computes the grid as a job; the point API, WMS GetMap, GetFeatureInfo,
 * GetCapabilities and GetLegendGraphic serve it. The point value is checked against the model's
 * published-formula functions (themselves checked against hand-computed numbers in
 * PropagationModelTest) for the two candidate servers north of the sites. WMTS tiles of coverage
 * are kept in the tile store and redrawn when a new run finishes. One public WLAN access point
 * (outdoor, 2.4 GHz, 20 dBm, 6 m up at local (600, 700)) gives the layer coverage_wlan, served the
 * same ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoverageApiTest extends AnalysisApiTestBase {

  private static final String LAYER = "coverage_cmcc_n41";

  @Autowired TileStore tiles;

  private static final String WLAN = "coverage_wlan";

  @BeforeAll
  void computeTheGrid() throws Exception {
    cn.lzxq.city.data.db.Sql.exec(
        db,
        """
        INSERT INTO wlan_ap (fid, ap_code, ssid, operator, band, mount_height_m, eirp_dbm,
                             placement, geom)
        VALUES (9501, 'AP-0001', 'i-LanzhouNewArea', 'CMCC', '2.4GHz', 6, 20, 'outdoor',
                ST_SetSRID(ST_MakePoint(384100, 4042500, 1950), 4544))
        """);
    JsonNode result =
        runCoverage("{\"inputs\":{\"mode\":\"whole\",\"terrain\":false,\"radius\":1000}}");
    assertThat(result.get("features").findValuesAsString("layer"))
        .containsExactly("coverage_cmcc_n41", "coverage_ctcc_n78", "coverage_cucc_n78", WLAN);
    assertThat(result.get("features").get(0).get("properties").get("accessPoints").asInt())
        .isEqualTo(1);
  }

  /** Runs the coverage process as a job and waits for it; its result. */
  private JsonNode runCoverage(String body) throws Exception {
    HttpResponse<String> created = post("/ogcapi/processes/coverage/execution", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("jobID").asString();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode s = null;
    while (System.nanoTime() < deadline) {
      s = getJson("/ogcapi/jobs/" + id);
      if (!s.get("status").asString().matches("accepted|running")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("successful");
    return getJson("/ogcapi/jobs/" + id + "/results");
  }

  @Test
  @Order(1)
  void pointAnswersTheBestOfTheTwoSectorsFacingIt() throws Exception {
    // 200 m from LZXQ-0001 at 120°, 151 m from LZXQ-0002 at 131.5°: sector 2 (120°) of either
    double[] ll = lonLat(673.2, 400);
    JsonNode p = getJson("/api/coverage/point?x=" + ll[0] + "&y=" + ll[1]);
    double cx = p.get("cellX").asDouble() - 383_500;
    double cy = p.get("cellY").asDouble() - 4_041_800;
    assertThat(cx).isCloseTo(673.2, within(25.0));
    assertThat(cy).isCloseTo(400, within(25.0));
    JsonNode cmcc = null;
    for (JsonNode l : p.get("layers")) {
      if (l.get("layer").asString().equals(LAYER)) {
        cmcc = l;
      }
    }
    assertThat(cmcc).as(p.toString()).isNotNull();
    // sector 2 of each site points at 120°, tilts 3° + 3°, 65°, vertical 10° (not stored),
    // EIRP 60 dBm, 2,600 MHz on n41 (273 RB); antennas 38 m and 33 m above the flat ground
    Carrier n41 = new Carrier(100, 30, 273, 9);
    double a = rsrp(n41, cx - 500, cy - 500, 38);
    double b = rsrp(n41, cx - 560, cy - 500, 33);
    assertThat(cmcc.get("rsrpDbm").asDouble()).isCloseTo(Math.max(a, b), within(0.06));
    assertThat(cmcc.get("servingSector").get("siteCode").asString())
        .isEqualTo(a >= b ? "LZXQ-0001" : "LZXQ-0002");
    assertThat(cmcc.get("servingSector").get("sectorNo").asInt()).isEqualTo(2);
    // SINR below the noise-limited value (other CMCC sectors interfere)
    assertThat(cmcc.get("sinrDb").asDouble())
        .isLessThan(cmcc.get("rsrpDbm").asDouble() - n41.noisePerResourceElementDbm());
  }

  /** RSRP of a fixture sector facing 120° at (dx, dy) metres from it, by the model's functions. */
  private static double rsrp(Carrier c, double dx, double dy, double heightM) {
    double d = Math.hypot(dx, dy);
    double rise = heightM - 1.5;
    double azimuthOff = Math.toDegrees(Math.atan2(dx, dy)) - 120;
    double depression = Math.toDegrees(Math.atan2(rise, d));
    double pattern = new SectorPattern(65, 10, 3, 3).relativeGainDb(azimuthOff, depression);
    return LinkBudget.rsrpDbm(60, c, Propagation.pathLossDb(2600, d, heightM, 1.5, true), pattern);
  }

  @Test
  @Order(2)
  void wmsDrawsTheRasterWithItsLegendClassesAndAnswersGetFeatureInfo() throws Exception {
    String map =
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
            + LAYER
            + "&STYLES=&CRS=CRS:84&BBOX=103.69,36.49,103.72,36.51&WIDTH=300&HEIGHT=200"
            + "&FORMAT=image/png&TRANSPARENT=TRUE";
    HttpResponse<byte[]> png =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + map)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
    Set<Integer> colours = new HashSet<>();
    int opaque = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int argb = img.getRGB(x, y);
        if ((argb >>> 24) != 0) {
          opaque++;
          colours.add(argb & 0xffffff);
        }
      }
    }
    assertThat(opaque).isGreaterThan(1000);
    // every drawn colour is one of the six RSRP classes of the legend (within the PNG palette's
    // rounding)
    int[] classes = {0x1a9641, 0xa6d96a, 0xffffbf, 0xfdae61, 0xf46d43, 0xd7191c};
    for (int rgb : colours) {
      boolean near = false;
      for (int k : classes) {
        near |=
            Math.abs((rgb >> 16 & 255) - (k >> 16 & 255)) <= 3
                && Math.abs((rgb >> 8 & 255) - (k >> 8 & 255)) <= 3
                && Math.abs((rgb & 255) - (k & 255)) <= 3;
      }
      assertThat(near).as(Integer.toHexString(rgb)).isTrue();
    }

    double[] ll = lonLat(673.2, 400);
    int i = (int) ((ll[0] - 103.69) / 0.03 * 300);
    int j = (int) ((36.51 - ll[1]) / 0.02 * 200);
    JsonNode info =
        getJson(
            map.replace("GetMap", "GetFeatureInfo")
                + "&QUERY_LAYERS="
                + LAYER
                + "&INFO_FORMAT=application/json&I="
                + i
                + "&J="
                + j);
    JsonNode props = info.get("features").get(0).get("properties");
    assertThat(props.get("rsrp").asDouble()).isBetween(-110.0, -30.0);
    assertThat(props.get("server").asLong()).isPositive();

    String caps = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body();
    assertThat(caps)
        .contains("<Name>" + LAYER + "</Name>", "<Name>rsrp</Name>", "<Name>sinr</Name>");
    HttpResponse<byte[]> legend =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER="
                            + LAYER
                            + "&FORMAT=image/png&STYLE=sinr"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(legend.statusCode()).isEqualTo(200);
    assertThat(ImageIO.read(new ByteArrayInputStream(legend.body())).getHeight()).isGreaterThan(60);
  }

  @Test
  @Order(3)
  void statisticsAndBadInput() throws Exception {
    JsonNode stats = getJson("/api/coverage/statistics?threshold=-90");
    assertThat(stats.get("layers")).hasSize(4);
    for (JsonNode l : stats.get("layers")) {
      assertThat(l.get("covered").asLong()).isLessThanOrEqualTo(l.get("reached").asLong());
      assertThat(l.get("coveredShare").asDouble()).isBetween(0.0, 1.0);
    }
    HttpResponse<String> bad = get("/api/coverage/point?x=abc&y=36.5");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> badJob =
        post("/ogcapi/processes/coverage/execution", "{\"inputs\":{\"cellSize\":3}}");
    assertThat(badJob.statusCode()).isEqualTo(400);
    assertThat(badJob.body()).contains("cellSize");
  }

  @Test
  @Order(4)
  void kpiJobReportsSharesAndHolesWithRankedHostTowers() throws Exception {
    // a strict threshold (−60 dBm) leaves holes around the fixture's sites; restored afterwards
    cn.lzxq.city.data.db.Sql.exec(
        db, "UPDATE coverage_target SET threshold_dbm = -60 WHERE network = 'cellular'");
    try {
      HttpResponse<String> created =
          post("/ogcapi/processes/coverage-kpi/execution", "{\"inputs\":{\"minHoleArea\":0}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = JSON.readTree(created.body()).get("jobID").asString();
      JsonNode s = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        s = getJson("/ogcapi/jobs/" + id);
        if (!s.get("status").asString().matches("accepted|running")) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(s.get("status").asString()).as(s.toString()).isEqualTo("successful");
      JsonNode fc = getJson("/ogcapi/jobs/" + id + "/results");
      int kpis = 0;
      int holes = 0;
      int ranked = 0;
      int wlanHoles = 0;
      Set<String> levels = new HashSet<>();
      for (JsonNode f : fc.get("features")) {
        JsonNode p = f.get("properties");
        boolean wlan = p.get("layer").asString().equals(WLAN);
        if (p.get("kind").asString().equals("kpi")) {
          kpis++;
          levels.add(p.get("classLevel").asString());
          String cls = p.get("landUseClass").asString();
          assertThat(p.get("classLevel").asString())
              .isEqualTo(cls.equals("all") ? "all" : cls.length() == 1 ? "major" : "medium");
          assertThat(p.get("share").asDouble()).isBetween(0.0, 1.0);
          assertThat(p.get("thresholdDbm").asDouble()).isEqualTo(wlan ? -75.0 : -60.0);
        } else if (wlan) {
          // one access point leaves most of the fixture's parcels as WLAN holes; their candidates
          // are the mounts of a new access point within its reach, ranked by the area covered
          wlanHoles++;
          assertThat(p.has("district")).isTrue();
          double previous = Double.POSITIVE_INFINITY;
          for (JsonNode c : p.get("candidates")) {
            assertThat(c.get("layer").asString()).isIn("base_station", "building", "wlan_ap");
            assertThat(c.get("canHost").asBoolean()).isTrue();
            assertThat(c.get("coveredAreaM2").asDouble())
                .isPositive()
                .isLessThanOrEqualTo(previous);
            previous = c.get("coveredAreaM2").asDouble();
          }
        } else {
          holes++;
          assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
          double previous = Double.POSITIVE_INFINITY;
          boolean hosting = true;
          for (JsonNode c : p.get("candidates")) {
            ranked++;
            assertThat(c.get("layer").asString()).isIn("base_station", "power_tower");
            // the towers that can host first, each group by the hole area covered
            if (hosting && !c.get("canHost").asBoolean()) {
              hosting = false;
              previous = Double.POSITIVE_INFINITY;
            }
            assertThat(c.get("canHost").asBoolean()).isEqualTo(hosting);
            assertThat(c.get("coveredAreaM2").asDouble()).isLessThanOrEqualTo(previous);
            assertThat(c.get("coveredAreaM2").asDouble())
                .isLessThanOrEqualTo(p.get("areaM2").asDouble() + 1);
            previous = c.get("coveredAreaM2").asDouble();
          }
        }
      }
      assertThat(kpis).isGreaterThanOrEqualTo(3);
      // figures by major and by medium class (GB 50137 大类 and 中类) beside the total
      assertThat(levels).containsExactlyInAnyOrder("all", "major", "medium");
      assertThat(holes).isPositive();
      assertThat(ranked).isPositive();
      assertThat(wlanHoles).isPositive();
      HttpResponse<String> csv = get("/ogcapi/jobs/" + id + "/results?f=csv");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.body().lines().findFirst().orElse(""))
          .contains("kind", "share", "classLevel", "landUseClass", "district");
      assertThat(csv.body()).contains(WLAN);
      HttpResponse<byte[]> xlsx = tile("/ogcapi/jobs/" + id + "/results?f=xlsx");
      assertThat(xlsx.statusCode()).isEqualTo(200);
      // an Office Open XML workbook is a ZIP file
      assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("PK");
    } finally {
      cn.lzxq.city.data.db.Sql.exec(
          db, "UPDATE coverage_target SET threshold_dbm = -110 WHERE network = 'cellular'");
    }
  }

  @Test
  @Order(5)
  void wmtsTilesOfCoverageAreStoredAndGoStaleWhenANewRunFinishes() throws Exception {
    // the z 14 tile holding LZXQ-0001 (about 2 km across): the 1 km disc of the sites' reach
    double[] site = lonLat(500, 500);
    int z = 14;
    double n = 1 << z;
    long col = (long) Math.floor((site[0] + 180) / 360 * n);
    double lat = Math.toRadians(site[1]);
    long row =
        (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    String path =
        "/wmts/" + LAYER + "/default/current/WebMercatorQuad/" + z + "/" + row + "/" + col + ".png";
    HttpResponse<byte[]> first = tile(path);
    assertThat(first.statusCode()).isEqualTo(200);
    // stored under the default style (rsrp), keyed "default" as WMTS, OGC API and seeding share it
    String key = "2d/map/" + LAYER + "/default/WebMercatorQuad/now/" + z + "/" + row + "/" + col;
    assertThat(tiles.get(key + ".png")).as("kept in the tile store").isNotNull();
    assertThat(tile(path).headers().firstValue("ETag"))
        .isEqualTo(first.headers().firstValue("ETag"));
    int before = coloured(first.body());
    assertThat(before).isPositive();

    // a new run with half the reach: the stored tile is stale and redrawn with less coverage
    runCoverage("{\"inputs\":{\"mode\":\"whole\",\"terrain\":false,\"radius\":500}}");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    HttpResponse<byte[]> after = tile(path);
    while (after.headers().firstValue("ETag").equals(first.headers().firstValue("ETag"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      after = tile(path);
    }
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
    assertThat(coloured(after.body())).isLessThan(before);
  }

  @Test
  @Order(6)
  void theWlanLayerIsServedAtAPointByWmsAndByWmts() throws Exception {
    // 50 m east of the access point (local (650, 700)): the value of the cell holding the point,
    // worked by the model (hand-checked in WlanPathLossTest) from that cell's centre
    double[] ll = lonLat(650, 700);
    JsonNode p = getJson("/api/coverage/point?x=" + ll[0] + "&y=" + ll[1]);
    JsonNode wlan = null;
    for (JsonNode l : p.get("layers")) {
      if (l.get("layer").asString().equals(WLAN)) {
        wlan = l;
      }
    }
    assertThat(wlan).as(p.toString()).isNotNull();
    double d =
        Math.hypot(
            Math.hypot(p.get("cellX").asDouble() - 384_100, p.get("cellY").asDouble() - 4_042_500),
            4.5);
    double rssi = 20 - new cn.lzxq.city.data.coverage.WlanPathLoss(2437).lossDb(d);
    assertThat(wlan.get("rssiDbm").asDouble()).isCloseTo(rssi, within(0.06));
    assertThat(wlan.get("snrDb").asDouble()).isCloseTo(rssi + 91.99, within(0.06));
    assertThat(wlan.get("servingAccessPoint").get("apCode").asString()).isEqualTo("AP-0001");

    JsonNode stats = getJson("/api/coverage/statistics");
    assertThat(stats.get("wlanThresholdDbm").asDouble()).isEqualTo(-75.0);
    for (JsonNode l : stats.get("layers")) {
      assertThat(l.get("thresholdDbm").asDouble())
          .isEqualTo(l.get("operator").asString().equals("WLAN") ? -75.0 : -110.0);
    }

    String map =
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
            + WLAN
            + "&STYLES=&CRS=CRS:84&BBOX="
            + FIXTURE_BBOX
            + "&WIDTH=300&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE";
    HttpResponse<byte[]> png = tile(map);
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(coloured(png.body())).isPositive();
    int i = (int) ((ll[0] - 103.69) / 0.03 * 300);
    int j = (int) ((36.51 - ll[1]) / 0.02 * 200);
    JsonNode info =
        getJson(
            map.replace("GetMap", "GetFeatureInfo")
                + "&QUERY_LAYERS="
                + WLAN
                + "&INFO_FORMAT=application/json&I="
                + i
                + "&J="
                + j);
    JsonNode props = info.get("features").get(0).get("properties");
    assertThat(props.get("rssi").asDouble()).isBetween(-90.0, -40.0);
    assertThat(props.get("server").asLong()).isEqualTo(9501);
    assertThat(get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").body())
        .contains("<Name>" + WLAN + "</Name>", "<Name>rssi</Name>", "<Name>snr</Name>");

    double n = 1 << 16;
    long col = (long) Math.floor((ll[0] + 180) / 360 * n);
    double lat = Math.toRadians(ll[1]);
    long row =
        (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    HttpResponse<byte[]> wmts =
        tile("/wmts/" + WLAN + "/default/current/WebMercatorQuad/16/" + row + "/" + col + ".png");
    assertThat(wmts.statusCode()).isEqualTo(200);
    assertThat(coloured(wmts.body())).isPositive();
  }

  private HttpResponse<byte[]> tile(String path) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int coloured(byte[] png) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
      }
    }
    return n;
  }
}
