package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OGC's GML 3.2 conformance suite (ets-gml32 1.33 from Maven Central) on our output, offline: once on
 * the DescribeFeatureType application schema (the schema tests) and once on a GetFeatureById
 * feature (the document tests: schema validity, GML Schematron, property values, geometries), whose
 * schemaLocation names only that live application schema; the suite resolves gml.xsd from its own
 * catalog. It runs in its own JVM on the classpath of {@code src/test/ets-gml32/pom.xml}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EtsGml32Test {

  private static final Path ETS_POM = Path.of("src/test/ets-gml32/pom.xml");
  private static final Path ETS_CLASSPATH = Path.of("target/ets-gml32.classpath");
  private static HikariDataSource db;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("EtsGml32Test", registry);
    Fixture.load(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void describeFeatureTypePassesTheSchemaTests(@TempDir Path dir) throws Exception {
    String schema = new OgcClient("http://localhost:" + port).get("/wfs", "SERVICE", "WFS", "VERSION", "2.0.0",
        "REQUEST", "DescribeFeatureType", "TYPENAMES", "city:pipe_js,city:pipe_rq,city:pipe_point").body();
    Path xsd = Files.writeString(dir.resolve("city.xsd"), schema);
    String results = runSuite(dir, "iut", xsd);

    assertPassedWithoutFailures(results, List.of("compileXMLSchema", "declareTargetNamespace", "importFullGMLSchema",
        "substitutesForAbstractFeature", "substitutesForGMLGeometry"));
  }

  @Test
  void getFeatureByIdPassesTheDocumentTests(@TempDir Path dir) throws Exception {
    for (String id : List.of("pipe_js.101", "pipe_point.301")) {
      String feature = new OgcClient("http://localhost:" + port).get("/wfs", "SERVICE", "WFS", "VERSION", "2.0.0",
          "REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById", "ID", id).body();
      Path gml = Files.writeString(dir.resolve(id + ".xml"), feature);
      String results = runSuite(dir, "gml", gml);

      assertPassedWithoutFailures(results, List.of("compileXMLSchema", "isXMLSchemaValid", "checkGMLSchematronConstraints",
          "checkForDeprecatedGMLElements", "validateMembersOfGmlObjectCollection"));
    }
  }

  private static void assertPassedWithoutFailures(String results, List<String> mustPass) {
    Matcher totals = Pattern.compile("<testng-results [^>]*passed=\"(\\d+)\" failed=\"(\\d+)\"").matcher(results);
    assertThat(totals.find()).as(results).isTrue();
    assertThat(Integer.parseInt(totals.group(2))).as(failures(results)).isZero();
    assertThat(Integer.parseInt(totals.group(1))).isPositive();
    for (String name : mustPass) {
      assertThat(results).as(name).containsPattern("name=\"" + name + "\"[^>]*status=\"PASS\"");
    }
  }

  private static String failures(String results) {
    StringBuilder out = new StringBuilder("failed ets-gml32 tests:");
    Matcher m = Pattern.compile("name=\"(\\w+)\"[^>]*status=\"FAIL\"[\\s\\S]*?<!\\[CDATA\\[([^\\]]*)\\]\\]>\\s*</message>")
        .matcher(results);
    while (m.find()) {
      out.append('\n').append(m.group(1)).append(": ").append(m.group(2));
    }
    return out.toString();
  }

  /** Runs the suite with one test-run argument and returns its testng-results.xml. */
  private static String runSuite(Path dir, String key, Path resource) throws Exception {
    Path props = Files.writeString(dir.resolve(key + "-run.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<properties version=\"1.0\"><entry key=\"" + key + "\">" + resource.toUri() + "</entry></properties>\n");
    String out = run(dir, List.of(javaCommand(), "-Duser.home=" + dir, "-cp", etsClasspath(),
        "org.opengis.cite.iso19136.TestNGController", props.toString()));
    Matcher m = Pattern.compile("Test results: file:(\\S+testng-results\\.xml)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Files.readString(Path.of(m.group(1)));
  }

  private static String etsClasspath() throws Exception {
    if (!Files.exists(ETS_CLASSPATH)) {
      run(Path.of("."), List.of("mvn", "-B", "-q", "-f", ETS_POM.toString(), "dependency:build-classpath",
          "-Dmdep.outputFile=" + ETS_CLASSPATH.toAbsolutePath()));
    }
    return Files.readString(ETS_CLASSPATH).trim();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }
}
