package cn.lzxq.city.data.io;

import static cn.lzxq.city.data.io.IoTestSupport.checksums;
import static cn.lzxq.city.data.io.IoTestSupport.importFiles;
import static cn.lzxq.city.data.io.IoTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.qa.QaIssue;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cjj61ImportTest {

  private HikariDataSource db;

  @TempDir Path tmp;

  @BeforeEach
  void schema() throws Exception {
    db = IoTestSupport.schema("Cjj61ImportTest");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void chineseHeadersUtf8WithBomImportPointsAndSegments() throws Exception {
    QaReport report = importFiles(db, resource("points_zh.csv"), resource("lines_zh.csv"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("pipe_point", 5L).containsEntry("pipe_segment", 3L);
    assertThat(
            Sql.strings(
                db,
                "SELECT network || '/' || subtype || ' ' || coalesce(feature, appurtenance) || ' ' || owner"
                    + " || ' ' || survey_date FROM pipe_point ORDER BY exp_no"))
        .containsExactly(
            "JS/JP 三通 LZXQ-WATER 2021-05-03",
            "JS/JP 阀门 LZXQ-WATER 2021-05-03",
            "JS/JP 弯头 LZXQ-WATER 2021-05-03",
            "PS/YS 检查井 LZXQ-DRAIN 2021-05-04",
            "PS/YS 检查井 LZXQ-DRAIN 2021-05-04");
    // X is the northing and Y the easting: in EPSG:4544 x = easting
    assertThat(
            Sql.strings(
                db,
                "SELECT ST_X(geom) || ' ' || ST_Y(geom) || ' ' || ST_Z(geom) FROM pipe_point WHERE exp_no = 'JS001'"))
        .containsExactly("383528.62 4041810.525 1950.3");
    assertThat(
            Sql.strings(
                db,
                "SELECT changed_by || ' ' || change_note || ' ' || (valid_to IS NULL) FROM pipe_point WHERE exp_no = 'JS001'"))
        .containsExactly("tester import points_zh.csv true");
  }

  @Test
  void segmentsTakeTheirNetworkFromTheirPointsAndZFromElevationOrGroundMinusDepth()
      throws Exception {
    importFiles(db, resource("points_zh.csv"), resource("lines_zh.csv"));

    assertThat(
            Sql.strings(
                db,
                """
        SELECT start_point || '-' || end_point || ' ' || network || '/' || subtype || ' ' || feature_code || ' '
               || coalesce(dn_mm::text, width_mm || 'x' || height_mm) || ' ' || material || ' ' || laying || ' '
               || depth_ref || ' ' || build_year || ' ' || ST_AsText(geom)
        FROM pipe_segment ORDER BY start_point"""))
        .containsExactly(
            "JS001-JS002 JS/JP 51041000 300 QM ZM top 2015 LINESTRING Z (383528.62 4041810.525 1949.1,383528.62 4041830.525 1949.15)",
            "JS002-JS003 JS/JP 51041000 300 QM ZM top 2015 LINESTRING Z (383528.62 4041830.525 1949.15,383548.62 4041850.525 1949.2)",
            "YS001-YS002 PS/YS 52011000 800x600 T GG invert 2016 LINESTRING Z (383540 4041810.525 1948.1,383540 4041860.525 1947.7)");
    assertThat(Sql.strings(db, "SELECT remarks FROM pipe_segment WHERE start_point = 'JS002'"))
        .containsExactly("备注, 含逗号");
  }

  @Test
  void englishHeadersInGbkAreDetectedAndGasPressureClassesDerived() throws Exception {
    QaReport report = importFiles(db, resource("points_en_gbk.csv"), resource("lines_en_gbk.csv"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("pipe_point", 3L).containsEntry("pipe_segment", 2L);
    assertThat(
            Sql.strings(
                db,
                "SELECT exp_no || ' ' || coalesce(feature, appurtenance) || ' ' || road_name || ' ' || status"
                    + " FROM pipe_point ORDER BY exp_no"))
        .containsExactly("RQ001 三通 纬十三路 in_use", "RQ002 阀门 纬十三路 in_use", "RQ003 弯头 纬十三路 abandoned");
    assertThat(
            Sql.strings(
                db,
                "SELECT start_point || ' ' || material || ' ' || pressure_class || ' ' || coalesce(pressure_mpa::text, '-')"
                    + " || ' ' || coalesce(remarks, '-') FROM pipe_segment ORDER BY start_point"))
        .containsExactly("RQ001 PE MA - 中压管道", "RQ002 G MA 0.300 -");
    assertThat(
            Sql.count(
                db,
                "SELECT (round(ST_Y(geom)::numeric, 3) * 1000)::bigint FROM pipe_point WHERE exp_no = 'RQ002'"))
        .isEqualTo(4041950100L);
  }

  @Test
  void xlsxWorkbookWithAPointSheetAndALineSheetImports() throws Exception {
    Path book = workbook(tmp.resolve("survey.xlsx"));

    QaReport report = importFiles(db, book);

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("pipe_point", 5L).containsEntry("pipe_segment", 3L);
    assertThat(
            Sql.strings(
                db,
                "SELECT ST_X(geom) || ' ' || ST_Y(geom) || ' ' || ST_Z(geom) || ' ' || change_note"
                    + " FROM pipe_point WHERE exp_no = 'JS003'"))
        .containsExactly("383548.62 4041850.525 1950.5 import survey.xlsx[管线点]");
    assertThat(
            Sql.strings(db, "SELECT ST_AsText(geom) FROM pipe_segment WHERE start_point = 'JS001'"))
        .containsExactly(
            "LINESTRING Z (383528.62 4041810.525 1949.1,383528.62 4041830.525 1949.15)");
  }

  @Test
  void xlsxErrorsReportTheSheetRowAndHeader() throws Exception {
    Path book = workbook(tmp.resolve("bad.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(book))) {
      wb.getSheet("管线段").getRow(2).getCell(6).setCellValue("DN-abc");
      try (OutputStream out = Files.newOutputStream(book)) {
        wb.write(out);
      }
    }

    QaReport report = importFiles(db, book);

    assertThat(report.errors())
        .extracting(QaIssue::file, QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad.xlsx[管线段]", 3L, "管径", QaCode.NOT_A_NUMBER));
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_point")).isZero();
  }

  @Test
  void aFileWithOneBadRowLeavesEveryTableExactlyAsBefore() throws Exception {
    importFiles(db, resource("points_zh.csv"), resource("lines_zh.csv"));
    List<String> before = checksums(db);
    long sequence = Sql.count(db, "SELECT last_value FROM feature_fid_seq");
    String good = Files.readString(resource("points_zh.csv"), StandardCharsets.UTF_8);
    Path points =
        IoTestSupport.csv(
            tmp,
            "points.csv",
            good.replace("JS003,JS003,弯头,,4041850.525", "JS003,JS003,弯头,,40418x50.525")
                + "JS004,,三通,,4041870.525,383548.620,1950.60,1.30,51042101,北斗路,兰州新区供水公司,在用,,\n");

    QaReport report = importFiles(db, points, resource("lines_zh.csv"));

    assertThat(report.ok()).isFalse();
    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "X"));
    assertThat(report.written()).isEmpty();
    assertThat(checksums(db)).isEqualTo(before);
    assertThat(Sql.count(db, "SELECT last_value FROM feature_fid_seq")).isEqualTo(sequence);
  }

  @Test
  void reImportClosesTheOldVersionAndKeepsTheFid() throws Exception {
    importFiles(db, resource("points_zh.csv"), resource("lines_zh.csv"));
    long fid = Sql.count(db, "SELECT fid FROM pipe_point WHERE exp_no = 'JS001'");
    long segmentFid = Sql.count(db, "SELECT fid FROM pipe_segment WHERE start_point = 'JS001'");
    String firstImport =
        Sql.strings(db, "SELECT changed_at FROM pipe_point WHERE exp_no = 'JS001'").get(0);
    String changed =
        Files.readString(resource("points_zh.csv"), StandardCharsets.UTF_8)
            .replace("1950.30,1.20,51042101", "1950.35,1.20,51042101");
    // the segment now runs the other way: still the same feature
    Path lines =
        IoTestSupport.csv(
            tmp,
            "lines.csv",
            Files.readString(resource("lines_zh.csv"), StandardCharsets.UTF_8)
                .replace("JS001,JS002,1.20,1.25,", "JS002,JS001,1.25,1.20,"));

    QaReport report = importFiles(db, IoTestSupport.csv(tmp, "points.csv", changed), lines);

    assertThat(report.errors()).isEmpty();
    assertThat(
            Sql.strings(
                db,
                "SELECT fid || ' ' || ground_elev_m || ' ' || (valid_to IS NULL) || ' ' || change_note"
                    + " FROM pipe_point WHERE exp_no = 'JS001' ORDER BY version_id"))
        .containsExactly(
            fid + " 1950.300 false import points_zh.csv", fid + " 1950.350 true import points.csv");
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pipe_point WHERE exp_no = 'JS001' AND valid_to IS NOT NULL"
                    + " AND valid_to = (SELECT valid_from FROM pipe_point WHERE exp_no = 'JS001' AND valid_to IS NULL)"))
        .isEqualTo(1);
    assertThat(
            Sql.strings(
                db,
                "SELECT DISTINCT fid::text FROM pipe_segment WHERE 'JS001' IN (start_point, end_point)"))
        .containsExactly(Long.toString(segmentFid));
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE valid_to IS NULL"))
        .isEqualTo(3);
    assertThat(
            Sql.strings(
                db,
                "SELECT ground_elev_m::text FROM pipe_point WHERE exp_no = 'JS001'"
                    + " AND valid_at(valid_from, valid_to, '"
                    + firstImport
                    + "'::timestamptz)"))
        .containsExactly("1950.300");
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_point WHERE valid_to IS NULL"))
        .isEqualTo(5);
  }

  @Test
  void aSegmentMayEndAtAPointAlreadyInTheDatabase() throws Exception {
    importFiles(db, resource("points_zh.csv"));
    Path lines =
        IoTestSupport.csv(
            tmp,
            "lines.csv",
            "起点点号,终点点号,起点埋深,终点埋深,管径,材质,权属单位\n" + "JS001,JS003,1.20,1.30,DN150,PE,兰州新区供水公司\n");

    QaReport report = importFiles(db, lines);

    assertThat(report.errors()).isEmpty();
    assertThat(Sql.strings(db, "SELECT ST_AsText(geom) FROM pipe_segment"))
        .containsExactly(
            "LINESTRING Z (383528.62 4041810.525 1949.1,383548.62 4041850.525 1949.2)");
  }

  @Test
  void dryRunChecksAndWritesNothing() throws Exception {
    QaReport report =
        new CityImporter(db)
            .importFiles(
                List.of(resource("points_zh.csv")),
                ImportOptions.defaults("tester").asDryRun(),
                ProgressSink.NONE);

    assertThat(report.ok()).isTrue();
    assertThat(report.written()).isEqualTo(Map.of());
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_point")).isZero();
  }

  /** The Chinese fixtures as a workbook: numbers as numeric cells, the rest as strings. */
  private static Path workbook(Path file) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      sheet(wb.createSheet("管线点"), resource("points_zh.csv"));
      sheet(wb.createSheet("管线段"), resource("lines_zh.csv"));
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    return file;
  }

  private static void sheet(Sheet sheet, Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (int r = 0; r < lines.size(); r++) {
      Row row = sheet.createRow(r);
      String[] cells =
          lines.get(r).replace("\uFEFF", "").replace("\"备注, 含逗号\"", "备注").split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        if (cells[c].matches("\\d+\\.\\d+") && r > 0) {
          row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
        } else if (!cells[c].isEmpty()) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
    }
  }
}
