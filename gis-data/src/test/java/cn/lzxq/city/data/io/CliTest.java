package cn.lzxq.city.data.io;

import static cn.lzxq.city.data.io.IoTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  private static HikariDataSource db;
  private static String url;

  @TempDir Path tmp;

  @BeforeAll
  static void schema() throws Exception {
    db = IoTestSupport.schema("CliTest");
    url = System.getenv(TestDatabase.ENV);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String[] withDb(String... args) {
    String[] out = new String[args.length + 4];
    System.arraycopy(args, 0, out, 0, args.length);
    out[args.length] = "--database-url";
    out[args.length + 1] = url;
    out[args.length + 2] = "--schema";
    out[args.length + 3] = "t_clitest";
    return out;
  }

  /** Runs the CLI and returns "exit code\nstandard output". */
  private static String cli(String... args) {
    return capture(withDb(args));
  }

  /** Runs the CLI with exactly these arguments and returns "exit code\nstandard output". */
  private static String capture(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = CityCli.run(args);
      return code + "\n" + captured.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void importWithErrorsPrintsTheRowNumberedReportExitsOneAndWritesNothing() throws Exception {
    Path bad =
        Files.writeString(
            tmp.resolve("points.csv"),
            "物探点号,特征,附属物,X,Y,地面高程,要素代码,权属单位\n"
                + "JS001,三通,阀门,4041810.525,383528.620,1950.30,51042101,LZXQ-WATER\n");

    String before = IoTestSupport.checksum(db, "pipe_point");

    String out = cli("import", bad.toString(), "--user", "surveyor");

    assertThat(out).startsWith("1\n").contains("points.csv:2 [附属物] 特征与附属物须且仅须填写一项", "1 error(s)");
    assertThat(IoTestSupport.checksum(db, "pipe_point")).isEqualTo(before);
  }

  @Test
  void importThenExportBothFormats() throws Exception {
    String imported =
        cli(
            "import",
            resource("points_zh.csv").toString(),
            resource("lines_zh.csv").toString(),
            "--user",
            "surveyor",
            "--encoding",
            "UTF-8");
    Path gpkg = tmp.resolve("out.gpkg");
    String exported =
        cli(
            "export",
            "--format",
            "gpkg",
            "--out",
            gpkg.toString(),
            "--layer",
            "pipe_js",
            "--layer",
            "pipe_point");
    String json =
        cli(
            "export",
            "--format",
            "geojson",
            "--out",
            tmp.resolve("json").toString(),
            "--as-of",
            "2999-01-01");

    assertThat(imported)
        .startsWith("0\n")
        .contains("pipe_point: 5 written", "pipe_segment: 3 written");
    assertThat(Sql.strings(db, "SELECT DISTINCT changed_by FROM pipe_point"))
        .containsExactly("surveyor");
    assertThat(exported).isEqualTo("0\npipe_js: 2\npipe_point: 5\n");
    assertThat(IoTestSupport.run("ogrinfo", "-so", gpkg.toString(), "pipe_js"))
        .contains("Feature Count: 2");
    assertThat(json).startsWith("0\n").contains("pipe_ps: 1");
    assertThat(tmp.resolve("json/zoning_parcel.geojson")).exists();
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(cli("export", "--format", "shp", "--out", "x")).startsWith("2\n");
    assertThat(cli("export", "--format", "gpkg", "--out", "x.gpkg", "--layer", "nope"))
        .startsWith("2\n");
  }

  @Test
  void helpListsTheCommandsAndIsRoutedToTheCli() {
    assertThat(CityCli.isCommand("--help")).isTrue();
    assertThat(CityCli.isCommand("sample")).isTrue();
    assertThat(CityCli.isCommand("--server.port=8081")).isFalse();
    assertThat(capture("--help"))
        .startsWith("0\n")
        .contains("migrate", "sample", "import", "export");
  }
}
