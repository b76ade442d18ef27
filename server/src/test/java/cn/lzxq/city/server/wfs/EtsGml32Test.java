package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OGC's GML 3.2 conformance suite (ets-gml32 1.33 from Maven Central) on our output, offline: on
 * the DescribeFeatureType application schema (the schema tests), on GetFeatureById features, and on
 * whole {@code wfs:FeatureCollection}s of three feature types from GetFeature as KVP and XML POST
 * (the document tests: schema validity, GML Schematron, deprecated elements, property values,
 * feature collection members). The suite reads the schemas the document's xsi:schemaLocation names
 * through its own XML catalog, which maps gml.xsd (and xlink, xml, ISO 19139) to copies in its jar
 * but has no WFS entry, so a FeatureCollection's {@code wfs/2.0/wfs.xsd} would be fetched from
 * schemas.opengis.net. {@link #catalog} extends that catalog instead of touching the document: a
 * catalog of the same name ahead of the suite's jar on the classpath maps wfs.xsd and the
 * owsAll.xsd and filterAll.xsd it imports to the bundled official copies (the ones WfsProtocolTest
 * validates against) and hands every other lookup to the suite's own catalog ({@code nextCatalog}).
 * The documents stay byte for byte what the server sent; our application schema is read live from
 * the server.
 *
 * <p>Not checked: the suite's geometry classes (PointTests, CurveTests, LineStringTests,
 * EnvelopeTests) need Geotk, which is only in the Geomatys repository, so they do not load on this
 * Central-only classpath and TestNG leaves them out; in the suite's {@code aio} jar they load but
 * fail on every CRS, EPSG:4326 included (Apache SIS finds no "Affine" operation method: the jar's
 * merged {@code META-INF/services/org.opengis.referencing.operation.OperationMethod} lists only
 * Geotk's providers). It runs in its own JVM on the classpath of {@code
 * src/test/ets-gml32/pom.xml}.
 */
class EtsGml32Test extends SmallCityContextTest {

  private static final Path ETS_POM = Path.of("src/test/ets-gml32/pom.xml");
  private static final Path ETS_CLASSPATH = Path.of("target/ets-gml32.classpath");
  private static final String SUITE_CATALOG = "/org/opengis/cite/iso19136/schema-catalog.xml";

  /**
   * What a wfs:FeatureCollection's schemaLocation needs beyond the suite's catalog: wfs.xsd and its
   * imports.
   */
  private static final List<String> WFS_SCHEMAS =
      List.of(
          "http://schemas.opengis.net/wfs/2.0/wfs.xsd",
          "http://schemas.opengis.net/ows/1.1.0/owsAll.xsd",
          "http://schemas.opengis.net/filter/2.0/filterAll.xsd");

  @Test
  void describeFeatureTypePassesTheSchemaTests(@TempDir Path dir) throws Exception {
    String schema =
        new OgcClient("http://localhost:" + port)
            .get(
                "/wfs",
                "SERVICE",
                "WFS",
                "VERSION",
                "2.0.0",
                "REQUEST",
                "DescribeFeatureType",
                "TYPENAMES",
                "city:pipe_js,city:pipe_rq,city:pipe_point")
            .body();
    Path xsd = Files.writeString(dir.resolve("city.xsd"), schema);
    String results = runSuite(dir, "iut", xsd);

    assertPassedWithoutFailures(
        results,
        List.of(
            "compileXMLSchema",
            "declareTargetNamespace",
            "importFullGMLSchema",
            "substitutesForAbstractFeature",
            "substitutesForGMLGeometry"));
  }

  @Test
  void getFeatureByIdPassesTheDocumentTests(@TempDir Path dir) throws Exception {
    for (String id : List.of("pipe_js.101", "pipe_point.301")) {
      String feature =
          new OgcClient("http://localhost:" + port)
              .get(
                  "/wfs",
                  "SERVICE",
                  "WFS",
                  "VERSION",
                  "2.0.0",
                  "REQUEST",
                  "GetFeature",
                  "STOREDQUERY_ID",
                  "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                  "ID",
                  id)
              .body();
      Path gml = Files.writeString(dir.resolve(id + ".xml"), feature);
      String results = runSuite(dir, "gml", gml);

      assertPassedWithoutFailures(
          results,
          List.of(
              "compileXMLSchema",
              "isXMLSchemaValid",
              "checkGMLSchematronConstraints",
              "checkForDeprecatedGMLElements",
              "validateMembersOfGmlObjectCollection"));
    }
  }

  @Test
  void getFeatureCollectionPassesTheDocumentTests(@TempDir Path dir) throws Exception {
    OgcClient http = new OgcClient("http://localhost:" + port);
    HttpResponse<String> kvp =
        http.get(
            "/wfs",
            "SERVICE",
            "WFS",
            "VERSION",
            "2.0.0",
            "REQUEST",
            "GetFeature",
            "TYPENAMES",
            "city:pipe_js,city:pipe_rq,city:pipe_point",
            "SRSNAME",
            "urn:ogc:def:crs:EPSG::4490");
    HttpResponse<String> xml =
        http.send(
            "POST",
            "/wfs",
            "text/xml",
            "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\""
                + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:Query typeNames=\"city:pipe_js\"/><wfs:Query typeNames="
                + "\"city:pipe_rq\"/><wfs:Query typeNames=\"city:pipe_point\"/></wfs:GetFeature>",
            null);
    for (HttpResponse<String> r : List.of(kvp, xml)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberReturned")).isEqualTo("8");
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@xsi:schemaLocation"))
          .startsWith("http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd ");
      Path gml =
          Files.writeString(
              dir.resolve("collection-" + (r == kvp ? "kvp" : "xml") + ".xml"), r.body());
      String results = runSuite(dir, "gml", gml);

      assertPassedWithoutFailures(
          results,
          List.of(
              "compileXMLSchema",
              "isXMLSchemaValid",
              "checkGMLSchematronConstraints",
              "checkForDeprecatedGMLElements",
              "validateMembersOfGmlObjectCollection",
              "substitutesForAbstractFeature",
              "verifyFeatureMemberProperties"));
    }
  }

  private static void assertPassedWithoutFailures(String results, List<String> mustPass) {
    Matcher totals =
        Pattern.compile("<testng-results [^>]*passed=\"(\\d+)\" failed=\"(\\d+)\"")
            .matcher(results);
    assertThat(totals.find()).as(results).isTrue();
    assertThat(Integer.parseInt(totals.group(2))).as(failures(results)).isZero();
    assertThat(Integer.parseInt(totals.group(1))).isPositive();
    for (String name : mustPass) {
      assertThat(results).as(name).containsPattern("name=\"" + name + "\"[^>]*status=\"PASS\"");
    }
  }

  private static String failures(String results) {
    StringBuilder out = new StringBuilder("failed ets-gml32 tests:");
    Matcher m =
        Pattern.compile(
                "name=\"(\\w+)\"[^>]*status=\"FAIL\"[\\s\\S]*?<!\\[CDATA\\[([^\\]]*)\\]\\]>\\s*</message>")
            .matcher(results);
    while (m.find()) {
      out.append('\n').append(m.group(1)).append(": ").append(m.group(2));
    }
    return out.toString();
  }

  /** Runs the suite with one test-run argument and returns its testng-results.xml. */
  private static String runSuite(Path dir, String key, Path resource) throws Exception {
    Path props =
        Files.writeString(
            dir.resolve(key + "-run.xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<properties version=\"1.0\"><entry key=\""
                + key
                + "\">"
                + resource.toUri()
                + "</entry></properties>\n");
    String classpath = etsClasspath();
    String out =
        run(
            dir,
            List.of(
                javaCommand(),
                "-Duser.home=" + dir,
                "-cp",
                catalog(dir, classpath) + File.pathSeparator + classpath,
                "org.opengis.cite.iso19136.TestNGController",
                props.toString()));
    Matcher m = Pattern.compile("Test results: file:(\\S+testng-results\\.xml)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Files.readString(Path.of(m.group(1)));
  }

  /**
   * A directory holding {@code org/opengis/cite/iso19136/schema-catalog.xml}, the suite's catalog
   * extended with the WFS schemas (see the class comment); put ahead of the suite's jar.
   */
  private static Path catalog(Path dir, String etsClasspath) throws IOException {
    String suiteJar =
        Arrays.stream(etsClasspath.split(File.pathSeparator))
            .filter(p -> p.contains("ets-gml32-"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no ets-gml32 jar in " + etsClasspath));
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\" prefer=\"system\">\n");
    for (String systemId : WFS_SCHEMAS) {
      xml.append("  <system systemId=\"")
          .append(systemId)
          .append("\" uri=\"")
          .append(Xml.bundled(systemId))
          .append("\"/>\n");
    }
    xml.append("  <nextCatalog catalog=\"jar:")
        .append(Path.of(suiteJar).toUri())
        .append("!")
        .append(SUITE_CATALOG)
        .append("\"/>\n</catalog>\n");
    Path root = dir.resolve("catalog");
    Path file = root.resolve(SUITE_CATALOG.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, xml);
    return root;
  }

  private static String etsClasspath() throws Exception {
    if (!Files.exists(ETS_CLASSPATH)) {
      run(
          Path.of("."),
          List.of(
              "mvn",
              "-B",
              "-q",
              "-f",
              ETS_POM.toString(),
              "dependency:build-classpath",
              "-Dmdep.outputFile=" + ETS_CLASSPATH.toAbsolutePath()));
    }
    return Files.readString(ETS_CLASSPATH).trim();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }
}
