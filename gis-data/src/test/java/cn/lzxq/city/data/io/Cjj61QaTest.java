package cn.lzxq.city.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.io.cjj61.Cjj61Validator;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.qa.QaIssue;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test per CJJ 61 check: a valid survey with one planted defect must produce exactly that
 * error, at the row a person sees in the sheet (header = row 1) and the column as headed.
 */
class Cjj61QaTest {

  private static final String POINTS = "物探点号,特征,附属物,X,Y,地面高程,埋深,要素代码,权属单位\n";
  private static final String P1 =
      "JS001,三通,,4041810.525,383528.620,1950.30,1.20,51042101,LZXQ-WATER\n";
  private static final String P2 =
      "JS002,,阀门,4041830.525,383528.620,1950.40,1.25,51042204,LZXQ-WATER\n";
  private static final String P3 =
      "JS003,弯头,,4041850.525,383548.620,1950.50,1.30,51042101,LZXQ-WATER\n";
  private static final String LINES = "起点点号,终点点号,起点埋深,终点埋深,管径,材质,埋设方式,压力,总孔数,已用孔数,权属单位\n";
  private static final String L1 = "JS001,JS002,1.20,1.25,DN300,QM,ZM,0.4,,,LZXQ-WATER\n";
  private static final String L2 = "JS002,JS003,1.25,1.30,DN300,QM,ZM,0.4,,,LZXQ-WATER\n";

  private static HikariDataSource db;

  @TempDir Path tmp;

  @BeforeAll
  static void schema() throws Exception {
    db = IoTestSupport.schema("Cjj61QaTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** Imports a point table and (when not null) a line table; asserts nothing was written. */
  private List<QaIssue> errors(String points, String lines) throws Exception {
    List<Path> files = new ArrayList<>(List.of(IoTestSupport.csv(tmp, "points.csv", points)));
    if (lines != null) {
      files.add(IoTestSupport.csv(tmp, "lines.csv", lines));
    }
    QaReport report = IoTestSupport.importFiles(db, files.toArray(Path[]::new));
    assertThat(
            Sql.count(db, "SELECT count(*) FROM pipe_point")
                + Sql.count(db, "SELECT count(*) FROM pipe_segment"))
        .as("nothing written")
        .isZero();
    return report.errors();
  }

  private static void assertOnly(
      List<QaIssue> errors, String file, long row, String column, QaCode code) {
    assertThat(errors)
        .extracting(QaIssue::file, QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(tuple(file, row, column, code));
    assertThat(errors.get(0).message()).startsWith(code.zh() + " " + code.en());
  }

  @Test
  void theValidSurveyHasNoErrorsAndIsWritten() throws Exception {
    HikariDataSource own = IoTestSupport.schema("Cjj61QaTestValid");
    try (own) {
      QaReport report =
          IoTestSupport.importFiles(
              own,
              IoTestSupport.csv(tmp, "points.csv", POINTS + P1 + P2 + P3),
              IoTestSupport.csv(tmp, "lines.csv", LINES + L1 + L2));
      assertThat(report.issues()).isEmpty();
      assertThat(report.written())
          .containsEntry("pipe_point", 3L)
          .containsEntry("pipe_segment", 2L);
    }
  }

  @Test
  void duplicatePointNumber() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3 + P2, LINES + L1 + L2),
        "points.csv",
        5,
        "物探点号",
        QaCode.DUPLICATE_POINT);
  }

  @Test
  void featureAndAppurtenanceBothFilled() throws Exception {
    assertOnly(
        errors(POINTS + P1.replace("三通,,", "三通,阀门,") + P2 + P3, null),
        "points.csv",
        2,
        "附属物",
        QaCode.FEATURE_AND_APPURTENANCE);
  }

  @Test
  void featureAndAppurtenanceBothEmpty() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3.replace("弯头,,", ",,"), null),
        "points.csv",
        4,
        "特征",
        QaCode.FEATURE_AND_APPURTENANCE);
  }

  @Test
  void startPointEqualsEndPoint() throws Exception {
    assertOnly(
        errors(
            POINTS + P1 + P2 + P3,
            LINES + L1 + L2 + "JS003,JS003,1.30,1.30,DN300,QM,ZM,0.4,,,LZXQ-WATER\n"),
        "lines.csv",
        4,
        "终点点号",
        QaCode.START_EQUALS_END);
  }

  @Test
  void duplicateSegment() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1 + L2 + L1),
        "lines.csv",
        4,
        "起点点号",
        QaCode.DUPLICATE_SEGMENT);
  }

  @Test
  void reversedSegment() throws Exception {
    assertOnly(
        errors(
            POINTS + P1 + P2 + P3,
            LINES + L1 + L2 + "JS002,JS001,1.25,1.20,DN300,QM,ZM,0.4,,,LZXQ-WATER\n"),
        "lines.csv",
        4,
        "起点点号",
        QaCode.REVERSED_SEGMENT);
  }

  @Test
  void inconsistentDepthBetweenTheSegmentsAtASharedPoint() throws Exception {
    String pointWithoutDepth = P2.replace(",1.25,", ",,");
    assertOnly(
        errors(
            POINTS + P1 + pointWithoutDepth + P3,
            LINES + L1 + L2.replace("JS003,1.25,", "JS003,1.32,")),
        "lines.csv",
        3,
        "起点埋深",
        QaCode.INCONSISTENT_DEPTH);
  }

  @Test
  void depthsWithinTheToleranceAgree() throws Exception {
    assertThat(Cjj61Validator.TOLERANCE_M).isEqualTo(0.05);
    HikariDataSource own = IoTestSupport.schema("Cjj61QaTestTolerance");
    try (own) {
      QaReport report =
          IoTestSupport.importFiles(
              own,
              IoTestSupport.csv(tmp, "points.csv", POINTS + P1 + P2 + P3),
              IoTestSupport.csv(
                  tmp, "lines.csv", LINES + L1 + L2.replace("JS003,1.25,", "JS003,1.30,")));
      assertThat(report.errors()).isEmpty();
    }
  }

  @Test
  void inconsistentDepthAgainstThePointTable() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1.replace("1.20,1.25", "1.20,1.35")),
        "lines.csv",
        2,
        "终点埋深",
        QaCode.INCONSISTENT_DEPTH);
  }

  @Test
  void inconsistentElevationBetweenTheSegmentsAtASharedPoint() throws Exception {
    String lines =
        "起点点号,终点点号,起点高程,终点高程,管径,权属单位\n"
            + "JS001,JS002,1949.10,1949.15,300,LZXQ-WATER\n"
            + "JS002,JS003,1949.25,1949.20,300,LZXQ-WATER\n";
    assertOnly(
        errors(POINTS + P1 + P2 + P3, lines),
        "lines.csv",
        3,
        "起点高程",
        QaCode.INCONSISTENT_ELEVATION);
  }

  @Test
  void usedHolesExceedTotalHoles() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1.replace(",,,", ",6,8,") + L2),
        "lines.csv",
        2,
        "已用孔数",
        QaCode.USED_HOLES_EXCEED_TOTAL);
  }

  @Test
  void unknownMaterial() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1 + L2.replace(",QM,", ",木头,")),
        "lines.csv",
        3,
        "材质",
        QaCode.UNKNOWN_MATERIAL);
  }

  @Test
  void unknownLayingMethod() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1 + L2.replace(",ZM,", ",飞线,")),
        "lines.csv",
        3,
        "埋设方式",
        QaCode.UNKNOWN_LAYING);
  }

  @Test
  void unknownSubtypeInTheFeatureCode() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2.replace("51042204", "51092204") + P3, null),
        "points.csv",
        3,
        "要素代码",
        QaCode.UNKNOWN_SUBTYPE);
  }

  @Test
  void featureCodeOfAnotherNetwork() throws Exception {
    assertOnly(
        errors(POINTS + P1.replace("51042101", "52012101") + P2 + P3, null),
        "points.csv",
        2,
        "要素代码",
        QaCode.CODE_NETWORK_MISMATCH);
  }

  @Test
  void unknownGasPressureClass() throws Exception {
    String points =
        POINTS
            + "RQ001,三通,,4041900.1,383600.2,1951.00,1.00,53032101,LZXQ-GAS\n"
            + "RQ002,,阀门,4041950.1,383600.2,1951.10,1.05,53032204,LZXQ-GAS\n";
    String lines = LINES + "RQ001,RQ002,1.00,1.05,DN200,PE,ZM,超高压,,,LZXQ-GAS\n";
    assertOnly(errors(points, lines), "lines.csv", 2, "压力", QaCode.UNKNOWN_PRESSURE_CLASS);
  }

  @Test
  void unknownOwner() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3.replace("LZXQ-WATER", "某某自来水公司"), null),
        "points.csv",
        4,
        "权属单位",
        QaCode.UNKNOWN_OWNER);
  }

  @Test
  void segmentEndPointInNeitherThePointTableNorTheDatabase() throws Exception {
    assertOnly(
        errors(
            POINTS + P1 + P2 + P3,
            LINES + L1 + L2 + "JS003,JS009,1.30,1.30,DN300,QM,ZM,0.4,,,LZXQ-WATER\n"),
        "lines.csv",
        4,
        "终点点号",
        QaCode.MISSING_POINT);
  }

  @Test
  void coordinatesOutsideTheServiceAreaSuchAsSwappedXAndY() throws Exception {
    assertOnly(
        errors(
            POINTS + P1 + P2.replace("4041830.525,383528.620", "383528.620,4041830.525") + P3,
            null),
        "points.csv",
        3,
        "X",
        QaCode.OUTSIDE_SERVICE_AREA);
  }

  @Test
  void nonNumericDepth() throws Exception {
    assertOnly(
        errors(POINTS + P1.replace(",1.20,", ",一米二,") + P2 + P3, null),
        "points.csv",
        2,
        "埋深",
        QaCode.NOT_A_NUMBER);
  }

  @Test
  void depthOutOfRange() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3.replace(",1.30,", ",31.5,"), null),
        "points.csv",
        4,
        "埋深",
        QaCode.OUT_OF_RANGE);
  }

  @Test
  void diameterOutOfRange() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2 + P3, LINES + L1 + L2.replace("DN300", "DN6000")),
        "lines.csv",
        3,
        "管径",
        QaCode.OUT_OF_RANGE);
  }

  @Test
  void missingRequiredField() throws Exception {
    assertOnly(
        errors(POINTS + P1 + P2.replace(",1950.40,", ",,") + P3, null),
        "points.csv",
        3,
        "地面高程",
        QaCode.MISSING_FIELD);
  }

  @Test
  void everyErrorIsCollectedInFileAndRowOrder() throws Exception {
    List<QaIssue> errors =
        errors(
            POINTS + P1.replace(",1.20,", ",abc,") + P2 + P3.replace("LZXQ-WATER", "?"),
            LINES + L1 + L2.replace(",QM,", ",木头,") + L1);

    assertThat(errors)
        .extracting(QaIssue::file, QaIssue::row, QaIssue::code)
        .containsExactly(
            tuple("points.csv", 2L, QaCode.NOT_A_NUMBER),
                tuple("points.csv", 4L, QaCode.UNKNOWN_OWNER),
            tuple("lines.csv", 3L, QaCode.UNKNOWN_MATERIAL),
                tuple("lines.csv", 4L, QaCode.DUPLICATE_SEGMENT));
  }

  @Test
  void theReportIsAStructuredRecordThatSerialisesToJson() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(db, IoTestSupport.csv(tmp, "points.csv", POINTS + P1 + P1));

    String json = JsonMapper.shared().writeValueAsString(report);

    assertThat(json)
        .contains(
            "\"file\":\"points.csv\"",
            "\"row\":3",
            "\"column\":\"物探点号\"",
            "\"code\":\"DUPLICATE_POINT\"",
            "\"severity\":\"ERROR\"",
            "物探点号重复 duplicate point number: JS001");
    assertThat(report.format()).contains("points.csv:3 [物探点号] 物探点号重复 duplicate point number");
  }

  @Test
  void unknownHeadersAreWarningsThatDoNotBlock() throws Exception {
    HikariDataSource own = IoTestSupport.schema("Cjj61QaTestWarnings");
    try (own) {
      QaReport report =
          IoTestSupport.importFiles(
              own,
              IoTestSupport.csv(
                  tmp,
                  "points.csv",
                  POINTS.replace("\n", ",图幅号\n") + P1.replace("\n", ",J-48-1\n")));
      assertThat(report.ok()).isTrue();
      assertThat(report.issues())
          .extracting(QaIssue::row, QaIssue::column, QaIssue::code, QaIssue::severity)
          .containsExactly(
              Tuple.tuple(1L, "图幅号", QaCode.UNKNOWN_PROPERTY, QaIssue.Severity.WARNING));
    }
  }
}
