package cn.lzxq.city.data.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator without a database: determinism, scale sizes and the survey topology of the small
 * sample.
 */
class SampleGeneratorTest {

  private static final List<PipePoint> POINTS = new java.util.ArrayList<>();
  private static final List<PipeSegment> SEGMENTS = new java.util.ArrayList<>();

  @BeforeAll
  static void generateSmall() {
    SampleGenerator sample = new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED);
    sample.points(POINTS::add);
    sample.segments(SEGMENTS::add);
  }

  @Test
  void sameSeedAndScaleGiveTheSameBytesAndAnotherSeedDoesNot() {
    Map<SampleTable, String> first = digests(new SampleGenerator(SampleScale.SMALL, 7));
    Map<SampleTable, String> second = digests(new SampleGenerator(SampleScale.SMALL, 7));
    Map<SampleTable, String> other = digests(new SampleGenerator(SampleScale.SMALL, 8));
    assertThat(second).isEqualTo(first);
    assertThat(new SampleGenerator(SampleScale.SMALL, 7).manifest().toJson())
        .isEqualTo(new SampleGenerator(SampleScale.SMALL, 7).manifest().toJson());
    assertThat(other.get(SampleTable.PIPE_SEGMENT))
        .isNotEqualTo(first.get(SampleTable.PIPE_SEGMENT));
    assertThat(other.get(SampleTable.ZONING_PARCEL))
        .isNotEqualTo(first.get(SampleTable.ZONING_PARCEL));
    assertThat(other.get(SampleTable.BASE_STATION))
        .isNotEqualTo(first.get(SampleTable.BASE_STATION));
  }

  private static Map<SampleTable, String> digests(SampleGenerator sample) {
    Map<SampleTable, String> out = new EnumMap<>(SampleTable.class);
    for (SampleTable table : SampleTable.values()) {
      out.put(table, SampleFiles.sha256(sample, table));
    }
    return out;
  }

  @Test
  void everyScaleHasItsMinimumOfPipeSegments() {
    for (SampleScale scale : SampleScale.values()) {
      long[] count = {0};
      new SampleGenerator(scale, SampleGenerator.DEFAULT_SEED).segments(s -> count[0]++);
      assertThat(count[0]).as(scale.id()).isGreaterThanOrEqualTo(scale.minSegments());
    }
  }

  @Test
  void pointNumbersAreUniqueAndEveryEndpointIsAPointAtTheSameDepth() {
    Map<String, PipePoint> byNumber = new HashMap<>();
    for (PipePoint p : POINTS) {
      assertThat(byNumber.put(p.expNo(), p)).as("duplicate %s", p.expNo()).isNull();
      assertThat(p.expNo()).matches("(JS|YS|WS|RQ|RL|DL|TX)\\d{6,}");
    }
    for (PipeSegment s : SEGMENTS) {
      PipePoint a = byNumber.get(s.startPoint());
      PipePoint b = byNumber.get(s.endPoint());
      assertThat(a).as("start of %s", s.lineNo()).isNotNull();
      assertThat(b).as("end of %s", s.lineNo()).isNotNull();
      assertThat(s.startDepthM()).isEqualTo(a.depthM());
      assertThat(s.endDepthM()).isEqualTo(b.depthM());
      assertThat(s.start().x()).isEqualTo(a.position().x());
      assertThat(s.end().y()).isEqualTo(b.position().y());
      if (!surveyError(a)) {
        assertThat(Xyz.round(a.groundElevM() - s.startDepthM())).isEqualTo(s.start().z());
      }
      assertThat(s.startPoint()).isNotEqualTo(s.endPoint());
    }
  }

  /** A planted surveying error (G1, G2 ...): its recorded ground elevation is off by design. */
  private static boolean surveyError(PipePoint p) {
    return p.defect() != null && p.defect().matches("G\\d+");
  }

  @Test
  void plantedSurveyErrorsRaiseOnlyTheRecordedGroundElevation() {
    Map<String, PipePoint> byNumber = new HashMap<>();
    POINTS.forEach(p -> byNumber.put(p.expNo(), p));
    long planted = 0;
    for (PipeSegment s : SEGMENTS) {
      PipePoint a = byNumber.get(s.startPoint());
      if (surveyError(a)) {
        planted++;
        assertThat(a.groundElevM() - s.startDepthM() - s.start().z()).isBetween(0.449, 1.351);
      }
    }
    assertThat(planted).isPositive();
  }

  @Test
  void noSegmentIsRepeatedOrReversed() {
    Set<String> pairs = new HashSet<>();
    for (PipeSegment s : SEGMENTS) {
      assertThat(pairs.add(s.startPoint() + "/" + s.endPoint())).isTrue();
      assertThat(pairs.add(s.endPoint() + "/" + s.startPoint())).isTrue();
    }
  }

  @Test
  void drainageHasAManholeAtEveryPointAtMost75MetresApartAndFallsAlongItsFlow() {
    Set<String> wells = new HashSet<>();
    POINTS.stream()
        .filter(p -> p.band().gravity())
        .forEach(
            p -> {
              assertThat(p.kind().appurtenance()).as(p.expNo()).isTrue();
              assertThat(p.kind().nameZh()).isIn("雨水井", "污水井", "检查井");
              wells.add(p.expNo());
            });
    for (PipeSegment s : SEGMENTS) {
      if (s.band().gravity()) {
        assertThat(wells).contains(s.startPoint(), s.endPoint());
        assertThat(s.lengthM()).isLessThanOrEqualTo(75.0);
        double fall =
            "forward".equals(s.flowDir())
                ? s.start().z() - s.end().z()
                : s.end().z() - s.start().z();
        assertThat(fall / s.lengthM()).as(s.lineNo()).isGreaterThanOrEqualTo(0.003);
      }
    }
  }

  @Test
  void valvesIsolateEveryWaterGasAndHeatRunBetweenCrossings() {
    long valves = POINTS.stream().filter(p -> p.kind() == PointKind.VALVE).count();
    long hydrants =
        POINTS.stream().filter(p -> p.kind() == PointKind.HYDRANT && p.band() == Band.JS).count();
    long reducers = POINTS.stream().filter(p -> p.kind() == PointKind.REDUCER).count();
    assertThat(valves).isGreaterThan(1_000);
    assertThat(hydrants).isGreaterThan(100);
    assertThat(reducers).isGreaterThan(0);
    assertThat(POINTS)
        .allSatisfy(p -> assertThat(p.featureCode()).matches("5[1-6]\\d{2}2[12]\\d{2}"));
    assertThat(
            POINTS.stream()
                .filter(p -> p.kind() == PointKind.VALVE)
                .map(PipePoint::band)
                .distinct())
        .containsExactlyInAnyOrder(Band.JS, Band.RQ, Band.RL);
  }

  @Test
  void depthsFollowTheGb50289CrossingOrder() {
    DepthPlan plan = new SampleGenerator(SampleScale.SMALL, 1).depthPlan();
    double previousBottom = 0;
    for (Band band : Band.values()) {
      assertThat(plan.topDepthM(band)).as(band.name()).isGreaterThan(previousBottom);
      previousBottom = plan.bottomDepthM(band);
    }
    assertThat(plan.depthM(Band.TX)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theWriteCommandWritesTheSameFilesAsTheApi(@TempDir Path dir) throws java.io.IOException {
    int exit =
        cn.lzxq.city.data.cli.CityCli.run(
            "sample", "write", "--scale", "small", "--seed", "7", "--out", dir.toString());
    assertThat(exit).isZero();
    SampleGenerator sample = new SampleGenerator(SampleScale.SMALL, 7);
    assertThat(java.nio.file.Files.readString(dir.resolve("SHA256SUMS")))
        .contains(SampleFiles.sha256(sample, SampleTable.PIPE_SEGMENT) + "  pipe_segment.copy");
    assertThat(SampleManifest.read(dir.resolve(SampleManifest.FILE))).isEqualTo(sample.manifest());
  }

  @Test
  void filesHoldTheTablesAndAManifestThatReadsBack(@TempDir Path dir) {
    SampleGenerator sample = new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED);
    Map<String, Long> rows = SampleFiles.write(sample, dir);
    assertThat(rows.get("pipe_segment")).isEqualTo(SEGMENTS.size());
    assertThat(dir.resolve("pipe_point.copy")).exists();
    assertThat(dir.resolve("SHA256SUMS")).content().contains("pipe_segment.copy", "manifest.json");
    SampleManifest manifest = SampleManifest.read(dir.resolve(SampleManifest.FILE));
    assertThat(manifest).isEqualTo(sample.manifest());
    assertThat(manifest.defects())
        .extracting(PlantedDefect::kind)
        .contains(
            "horizontal_clearance",
            "vertical_clearance",
            "collision",
            "shallow_cover",
            "kerb_clearance",
            "building_clearance",
            "pole_clearance",
            "tower_clearance",
            "tree_clearance",
            "site_spacing",
            "emf_sensitive_parcel");
    assertThat(manifest.defects())
        .as("a control just outside the rule beside each planted building, pole, tower and tree")
        .filteredOn(d -> !d.violation())
        .extracting(PlantedDefect::kind)
        .containsExactlyInAnyOrder(
            "building_clearance", "pole_clearance", "tower_clearance", "tree_clearance");
  }
}
