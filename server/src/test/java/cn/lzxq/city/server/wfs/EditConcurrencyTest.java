package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers of one feature at once, several rounds each: writers that name the version they
 * read (OGC API If-Match, FES 2.0 {@code version}, the WFS 1.0.0 {@code .vN} fid suffix) get
 * exactly one winner and fifteen conflicts in their protocol's form; plain writers (WFS-T and OGC
 * API without If-Match) all apply, one after another, with exact totals. Afterwards the table holds
 * every acknowledged value once, one current version per feature and no overlapping versions.
 * Features 101-105.
 */
class EditConcurrencyTest extends EditContextTest {

  private static final int ROUNDS = 3;

  @Test
  void sixteenOgcApiWritersWithOneEtagGetOneSuccessAndFifteen412() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      for (String method : List.of("PATCH", "PUT")) {
        HttpResponse<String> read =
            request("GET", "/ogcapi/collections/pipe_js/items/101", null, null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"\\d+\"");
        String body =
            method.equals("PATCH")
                ? "{\"type\":\"Feature\",\"properties\":{\"dn_mm\":%d}}"
                : putBody(101);
        List<HttpResponse<String>> answers =
            all(
                i ->
                    () ->
                        request(
                            method,
                            "/ogcapi/collections/pipe_js/items/101",
                            "application/geo+json",
                            String.format(body, 2000 + i),
                            etag));

        Map<Integer, Long> statuses = statuses(answers);
        assertThat(statuses)
            .as(method + " round " + round + " " + bodies(answers))
            .isEqualTo(Map.of(204, 1L, 412, 15L));
        HttpResponse<String> winner =
            answers.stream().filter(r -> r.statusCode() == 204).findFirst().orElseThrow();
        HttpResponse<String> after =
            request("GET", "/ogcapi/collections/pipe_js/items/101", null, null, null);
        assertThat(winner.headers().firstValue("ETag"))
            .as("the ETag of the version written")
            .isEqualTo(after.headers().firstValue("ETag"));
        answers.stream()
            .filter(r -> r.statusCode() == 412)
            .forEach(
                r ->
                    assertThat(r.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json"));
      }
    }
    HttpResponse<String> stale =
        request("DELETE", "/ogcapi/collections/pipe_js/items/101", null, null, "\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(
            Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 101 AND valid_to IS NULL"))
        .isEqualTo(1);
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 101"))
        .isEqualTo(1 + 2 * ROUNDS);
    assertNoOverlappingVersions();
  }

  @Test
  void sixteenWfs20WritersNamingTheVersionTheyReadGetOneSuccessAndFifteenConflicts()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long version = latestVersion(102);
      List<HttpResponse<String>> answers =
          all(
              i ->
                  () ->
                      transaction(
                          "<wfs:Transaction service=\"WFS\" version=\"2.0.0\""
                              + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Update typeName=\"pipe_js\">"
                              + "<wfs:Property><wfs:ValueReference>dn_mm</wfs:ValueReference><wfs:Value>"
                              + (3000 + i)
                              + "</wfs:Value></wfs:Property>"
                              + "<fes:Filter><fes:ResourceId rid=\"pipe_js.102\" version=\""
                              + version
                              + "\"/></fes:Filter></wfs:Update></wfs:Transaction>"));

      assertThat(statuses(answers))
          .as("round " + round + " " + bodies(answers))
          .isEqualTo(Map.of(200, 1L, 409, 15L));
      for (HttpResponse<String> r : answers) {
        if (r.statusCode() == 200) {
          assertThat(Xml.text(r.body(), "//wfs:totalUpdated")).isEqualTo("1");
        } else {
          assertThat(Xml.text(r.body(), "/ows:ExceptionReport/ows:Exception/@exceptionCode"))
              .isEqualTo("OperationProcessingFailed");
          assertThat(Xml.text(r.body(), "//ows:Exception/@locator")).isEqualTo("Update 1 pipe_js");
        }
      }
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 102"))
        .isEqualTo(1 + ROUNDS);
    assertNoOverlappingVersions();
  }

  @Test
  void sixteenWfs10WritersNamingTheVersionTheyReadGetOneSuccessAndFifteenFailed() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long version = latestVersion(103);
      List<HttpResponse<String>> answers =
          all(i -> () -> transaction(wfs10Update("pipe_js.103.v" + version, 4000 + i)));

      assertThat(statuses(answers)).as("QGIS reads the body of a 200").isEqualTo(Map.of(200, 16L));
      Map<String, Long> outcomes =
          answers.stream()
              .collect(Collectors.groupingBy(r -> outcome(r.body()), Collectors.counting()));
      assertThat(outcomes)
          .as("round " + round + " " + bodies(answers))
          .isEqualTo(Map.of("SUCCESS", 1L, "FAILED", 15L));
      for (HttpResponse<String> r : answers) {
        if (outcome(r.body()).equals("FAILED")) {
          assertThat(Xml.text(r.body(), "//wfs1:TransactionResult/wfs1:Locator"))
              .isEqualTo("Update 1 pipe_js");
          assertThat(Xml.text(r.body(), "//wfs1:TransactionResult/wfs1:Message"))
              .contains("no longer at version " + version);
        }
      }
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 103"))
        .isEqualTo(1 + ROUNDS);
    assertNoOverlappingVersions();
  }

  @Test
  void sixteenPlainWritersAllApplyInTurnWithExactTotals() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      int base = 10000 + round * 100;
      List<HttpResponse<String>> wfs =
          all(
              i ->
                  () ->
                      transaction(
                          "<wfs:Transaction service=\"WFS\" version=\"2.0.0\""
                              + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Update typeName=\"pipe_js\">"
                              + "<wfs:Property><wfs:ValueReference>dn_mm</wfs:ValueReference><wfs:Value>"
                              + (base + i)
                              + "</wfs:Value></wfs:Property>"
                              + "<fes:Filter><fes:ResourceId rid=\"pipe_js.104\"/></fes:Filter></wfs:Update></wfs:Transaction>"));
      List<HttpResponse<String>> qgis =
          all(i -> () -> transaction(wfs10Update("pipe_js.104", base + 50 + i)));
      List<HttpResponse<String>> api =
          all(
              i ->
                  () ->
                      request(
                          "PATCH",
                          "/ogcapi/collections/pipe_js/items/105",
                          "application/geo+json",
                          "{\"type\":\"Feature\",\"properties\":{\"dn_mm\":" + (base + i) + "}}",
                          null));

      assertThat(statuses(wfs)).as(bodies(wfs)).isEqualTo(Map.of(200, 16L));
      wfs.forEach(r -> assertThat(uncheckedText(r.body(), "//wfs:totalUpdated")).isEqualTo("1"));
      assertThat(qgis.stream().map(r -> outcome(r.body())).distinct().toList())
          .as(bodies(qgis))
          .containsExactly("SUCCESS");
      assertThat(statuses(api))
          .as("never a 404 for a feature that exists: " + bodies(api))
          .isEqualTo(Map.of(204, 16L));

      List<String> plain = new ArrayList<>();
      List<String> both = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        plain.add(String.valueOf(base + i));
        both.add(String.valueOf(base + i));
        both.add(String.valueOf(base + 50 + i));
      }
      String values = " AND dn_mm BETWEEN " + base + " AND " + (base + 99);
      assertThat(Sql.strings(db, "SELECT dn_mm::text FROM pipe_segment WHERE fid = 104" + values))
          .as("no lost update")
          .containsExactlyInAnyOrderElementsOf(both);
      assertThat(Sql.strings(db, "SELECT dn_mm::text FROM pipe_segment WHERE fid = 105" + values))
          .containsExactlyInAnyOrderElementsOf(plain);
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 104"))
        .isEqualTo(1 + 2 * WRITERS * ROUNDS);
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 105"))
        .isEqualTo(1 + WRITERS * ROUNDS);
    assertNoOverlappingVersions();
  }
}
