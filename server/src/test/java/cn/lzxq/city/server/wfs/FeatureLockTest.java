package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WFS feature locks (LockFeature, GetFeatureWithLock, Transaction lockId/releaseAction, the
 * ReleaseLock vendor request) through HTTP against the database table every node shares: a locked
 * feature has exactly one writer (the lock's holder) whatever protocol the others use, an expired
 * lock frees it, release frees it, lockAction ALL/SOME, the bounded expiry. Gas pipes 601-608 (of
 * their own, copies of fixture pipe 201).
 */
class FeatureLockTest extends EditContextTest {

  private static final String WFS2 =
      " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"";

  /** Once (the context, and so {@code db}, exists from the first test on). */
  @BeforeEach
  void pipes() throws Exception {
    Sql.exec(
        db,
        """
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom, valid_from)
        SELECT 600 + i, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom, valid_from
        FROM pipe_segment, generate_series(1, 8) i WHERE fid = 201 AND valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM pipe_segment WHERE fid = 601);
        """);
  }

  @Test
  void sixteenWritersWhileOneHoldsTheLockHaveOneWinnerUntilItReleases() throws Exception {
    for (int round = 0; round < 2; round++) {
      HttpResponse<String> lock =
          post(
              "<wfs:LockFeature service=\"WFS\" version=\"2.0.0\" expiry=\"120\""
                  + WFS2
                  + "><wfs:Query typeNames=\"city:pipe_rq\"><fes:Filter><fes:ResourceId rid=\"pipe_rq.601\"/>"
                  + "</fes:Filter></wfs:Query></wfs:LockFeature>");
      assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
      Xml.validate(Xml.schema("http://schemas.opengis.net/wfs/2.0/wfs.xsd", null), lock.body());
      String lockId = Xml.text(lock.body(), "/wfs:LockFeatureResponse/@lockId");
      assertThat(Xml.text(lock.body(), "//wfs:FeaturesLocked/fes:ResourceId/@rid"))
          .isEqualTo("pipe_rq.601");
      int base = 7000 + round * 100;

      List<HttpResponse<String>> answers =
          all(
              i ->
                  () ->
                      switch (i % 4) {
                        case 0 ->
                            i == 0
                                ? holder(lockId, base)
                                : transaction(update20(601, base + i, null));
                        case 1 -> transaction(wfs10Update("pipe_rq.601", base + i));
                        case 2 ->
                            request(
                                "PATCH",
                                "/ogcapi/collections/pipe_rq/items/601",
                                "application/geo+json",
                                "{\"type\":\"Feature\",\"properties\":{\"dn_mm\":"
                                    + (base + i)
                                    + "}}",
                                null);
                        default -> transaction(update20(601, base + i, null));
                      });

      assertThat(outcomeOf(answers.get(0))).as("the holder").isEqualTo("WFS 2.0 200");
      List<String> written = new ArrayList<>(List.of(String.valueOf(base)));
      long refused = 0;
      for (int i = 1; i < WRITERS; i++) {
        String o = outcomeOf(answers.get(i));
        assertThat(o)
            .as(
                "writer "
                    + i
                    + " of round "
                    + round
                    + ": a conflict in its protocol's form, or a"
                    + " write after the holder released: "
                    + answers.get(i).body())
            .isIn(
                "WFS 2.0 409 OperationProcessingFailed",
                "WFS 1.0.0 FAILED",
                "OGC API 409",
                "WFS 2.0 200",
                "WFS 1.0.0 SUCCESS",
                "OGC API 204");
        if (o.endsWith("409") || o.contains("FAILED") || o.contains("409 ")) {
          refused++;
        } else {
          written.add(String.valueOf(base + i));
        }
      }
      assertThat(refused).as("writers that met the lock, round " + round).isPositive();
      List<String> versions =
          Sql.strings(
              db,
              "SELECT dn_mm::text FROM pipe_segment WHERE fid = 601 AND dn_mm BETWEEN "
                  + base
                  + " AND "
                  + (base + 99)
                  + " ORDER BY version_id");
      assertThat(versions)
          .as("every acknowledged write is there once, nothing else")
          .containsExactlyInAnyOrderElementsOf(written);
      assertThat(versions.get(0))
          .as("while the lock was held only its holder wrote: the holder's version is the first")
          .isEqualTo(String.valueOf(base));
      assertThat(
              Sql.count(db, "SELECT count(*) FROM feature_lock WHERE lock_id = '" + lockId + "'"))
          .as("releaseAction ALL (the default) ended the lock")
          .isZero();
    }
    HttpResponse<String> free = transaction(update20(601, 7999, null));
    assertThat(free.statusCode()).as("a released feature is free: " + free.body()).isEqualTo(200);
    assertNoOverlappingVersions();
  }

  @Test
  void anExpiredLockFreesItsFeature() throws Exception {
    HttpResponse<String> lock =
        kvp(
            "LockFeature",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.602",
            "EXPIRY",
            "2");
    assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
    String lockId = Xml.text(lock.body(), "/wfs:LockFeatureResponse/@lockId");

    HttpResponse<String> blocked = transaction(update20(602, 8001, null));
    assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(409);
    assertThat(Xml.text(blocked.body(), "//ows:Exception/@locator")).isEqualTo("Update 1 pipe_rq");
    assertThat(Xml.text(blocked.body(), "//ows:ExceptionText"))
        .contains("pipe_rq.602 is locked by another lock until");

    Thread.sleep(2500);
    HttpResponse<String> late = transaction(update20(602, 8002, lockId));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(400);
    assertThat(Xml.text(late.body(), "//ows:Exception/@exceptionCode")).isEqualTo("InvalidLockId");
    HttpResponse<String> free = transaction(update20(602, 8003, null));
    assertThat(free.statusCode()).as("after its expiry: " + free.body()).isEqualTo(200);
    assertThat(Sql.count(db, "SELECT dn_mm FROM pipe_segment WHERE fid = 602 AND valid_to IS NULL"))
        .isEqualTo(8003);
  }

  @Test
  void getFeatureWithLockAndReleaseLock() throws Exception {
    HttpResponse<String> got =
        kvp(
            "GetFeatureWithLock",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.603,pipe_rq.604",
            "EXPIRY",
            "300");
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    String lockId = Xml.text(got.body(), "/wfs:FeatureCollection/@lockId");
    assertThat(lockId).isNotBlank();
    assertThat(Xml.text(got.body(), "/wfs:FeatureCollection/@numberReturned")).isEqualTo("2");
    assertThat(Xml.count(got.body(), "//city:pipe_rq")).isEqualTo(2);
    assertThat(transaction(update20(603, 8101, null)).statusCode()).isEqualTo(409);
    for (String method : List.of("PUT", "DELETE")) {
      HttpResponse<String> api =
          request(
              method,
              "/ogcapi/collections/pipe_rq/items/604",
              method.equals("PUT") ? "application/geo+json" : null,
              method.equals("PUT") ? String.format(putBody(604), 160) : null,
              null);
      assertThat(api.statusCode())
          .as(method + " of a locked feature: " + api.body())
          .isEqualTo(409);
      assertThat(api.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(api.body()).contains("pipe_rq.604 is locked by another lock");
    }

    HttpResponse<String> released = kvp("ReleaseLock", "2.0.0", "LOCKID", lockId);
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    assertThat(Xml.text(released.body(), "/city:ReleaseLockResponse/@featuresReleased"))
        .isEqualTo("2");
    assertThat(transaction(update20(603, 8102, null)).statusCode()).isEqualTo(200);
    assertThat(transaction(update20(604, 8103, null)).statusCode()).isEqualTo(200);
    HttpResponse<String> again = kvp("ReleaseLock", "2.0.0", "LOCKID", lockId);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Xml.text(again.body(), "//ows:Exception/@exceptionCode")).isEqualTo("InvalidLockId");
  }

  @Test
  void wfs11LockAndReleaseActionSomeKeepTheFeaturesNotEdited() throws Exception {
    HttpResponse<String> lock =
        post(
            "<wfs:LockFeature service=\"WFS\" version=\"1.1.0\" expiry=\"5\" xmlns:wfs=\"http://www.opengis.net/wfs\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\"><wfs:Lock typeName=\"city:pipe_rq\"><ogc:Filter>"
                + "<ogc:GmlObjectId xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"pipe_rq.605\"/>"
                + "<ogc:GmlObjectId xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"pipe_rq.606\"/>"
                + "</ogc:Filter></wfs:Lock></wfs:LockFeature>");
    assertThat(lock.statusCode()).as(lock.body()).isEqualTo(200);
    String lockId = Xml.text(lock.body(), "/wfs1:LockFeatureResponse/wfs1:LockId");
    assertThat(Xml.count(lock.body(), "//wfs1:FeaturesLocked/ogc:FeatureId")).isEqualTo(2);
    assertThat(
            Sql.count(
                db,
                "SELECT round(extract(epoch FROM expires_at - locked_at)) FROM feature_lock WHERE fid = 605"))
        .as("WFS 1.1.0 expiry is in minutes")
        .isEqualTo(300);

    HttpResponse<String> some =
        transaction(
            "<wfs:Transaction service=\"WFS\" version=\"1.1.0\" releaseAction=\"SOME\""
                + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<wfs:LockId>"
                + lockId
                + "</wfs:LockId><wfs:Update typeName=\"pipe_rq\"><wfs:Property><wfs:Name>dn_mm</wfs:Name>"
                + "<wfs:Value>8201</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId fid=\"pipe_rq.605\"/>"
                + "</ogc:Filter></wfs:Update></wfs:Transaction>");
    assertThat(some.statusCode()).as(some.body()).isEqualTo(200);
    assertThat(Xml.text(some.body(), "//wfs1:totalUpdated")).isEqualTo("1");
    assertThat(transaction(update20(605, 8202, null)).statusCode())
        .as("605 was edited and released")
        .isEqualTo(200);
    HttpResponse<String> kept = transaction(wfs10Update("pipe_rq.606", 8203));
    assertThat(outcome(kept.body())).as("606 is still locked").isEqualTo("FAILED");
    assertThat(Xml.text(kept.body(), "//wfs1:TransactionResult/wfs1:Message"))
        .contains("pipe_rq.606 is locked by another lock");

    HttpResponse<String> end =
        transaction(
            "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" lockId=\""
                + lockId
                + "\""
                + WFS2
                + "/>");
    assertThat(end.statusCode())
        .as("an empty transaction releases the lock: " + end.body())
        .isEqualTo(200);
    assertThat(transaction(update20(606, 8204, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void lockActionAllFailsWholeAndSomeTakesWhatIsFree() throws Exception {
    HttpResponse<String> first =
        kvp(
            "LockFeature",
            "1.0.0",
            "TYPENAME",
            "pipe_rq",
            "FEATUREID",
            "pipe_rq.607",
            "EXPIRY",
            "5");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(
            Xml.text(
                first.body(),
                "/wfs1:WFS_LockFeatureResponse/wfs1:FeaturesLocked/ogc:FeatureId/@fid"))
        .isEqualTo("pipe_rq.607");

    HttpResponse<String> all =
        kvp(
            "LockFeature",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.607,pipe_rq.608");
    assertThat(all.statusCode()).as(all.body()).isEqualTo(409);
    assertThat(Xml.text(all.body(), "//ows:Exception/@exceptionCode"))
        .isEqualTo("CannotLockAllFeatures");
    assertThat(Sql.count(db, "SELECT count(*) FROM feature_lock WHERE fid = 608"))
        .as("lockAction ALL locks nothing when it cannot lock all")
        .isZero();

    HttpResponse<String> some =
        kvp(
            "LockFeature",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.607,pipe_rq.608",
            "LOCKACTION",
            "SOME");
    assertThat(some.statusCode()).as(some.body()).isEqualTo(200);
    assertThat(Xml.text(some.body(), "//wfs:FeaturesLocked/fes:ResourceId/@rid"))
        .isEqualTo("pipe_rq.608");
    assertThat(Xml.text(some.body(), "//wfs:FeaturesNotLocked/fes:ResourceId/@rid"))
        .isEqualTo("pipe_rq.607");
    String second = Xml.text(some.body(), "/wfs:LockFeatureResponse/@lockId");
    assertThat(kvp("ReleaseLock", "2.0.0", "LOCKID", second).statusCode()).isEqualTo(200);
    assertThat(
            kvp("ReleaseLock", "2.0.0", "LOCKID", Xml.text(first.body(), "//wfs1:LockId"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void locksAreBoundedAndNeedAnEditor() throws Exception {
    HttpResponse<String> tooLong =
        kvp(
            "LockFeature",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.608",
            "EXPIRY",
            "3601");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(Xml.text(tooLong.body(), "//ows:Exception/@locator")).isEqualTo("expiry");
    assertThat(Xml.text(tooLong.body(), "//ows:ExceptionText")).contains("at most 3600 s");
    HttpResponse<String> zero =
        kvp(
            "LockFeature",
            "2.0.0",
            "TYPENAMES",
            "pipe_rq",
            "RESOURCEID",
            "pipe_rq.608",
            "EXPIRY",
            "0");
    assertThat(zero.statusCode()).isEqualTo(400);

    String query = "?SERVICE=WFS&VERSION=2.0.0&REQUEST=LockFeature&TYPENAMES=pipe_rq";
    HttpResponse<String> anonymous =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> viewer =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs" + query))
                .header("Authorization", Http.basic("viewer:pw-viewer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(viewer.statusCode()).isEqualTo(403);
    HttpResponse<String> otherUtility =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs" + query))
                .header("Authorization", Http.basic("editor_sw:pw-editor_sw"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(otherUtility.statusCode())
        .as("the water company may not lock gas pipes: " + otherUtility.body())
        .isEqualTo(403);
    assertThat(Sql.count(db, "SELECT count(*) FROM feature_lock WHERE fid = 608")).isZero();
  }

  /**
   * The lock holder's write, sent a second after the others started so that they meet the lock (its
   * commit releases the lock; writers after that apply in turn).
   */
  private HttpResponse<String> holder(String lockId, int dn) throws Exception {
    Thread.sleep(1000);
    return transaction(update20(601, dn, lockId));
  }

  /** How a writer's answer ended, by protocol. */
  private String outcomeOf(HttpResponse<String> r) {
    String uri = r.request().uri().getPath();
    if (uri.startsWith("/ogcapi")) {
      return "OGC API " + r.statusCode();
    }
    if (r.body().contains("WFS_TransactionResponse")) {
      return "WFS 1.0.0 " + outcome(r.body());
    }
    return "WFS 2.0 "
        + r.statusCode()
        + (r.statusCode() == 200
            ? ""
            : " " + uncheckedText(r.body(), "//ows:Exception/@exceptionCode"));
  }

  private static String update20(long fid, int dn, String lockId) {
    return "<wfs:Transaction service=\"WFS\" version=\"2.0.0\""
        + (lockId == null ? "" : " lockId=\"" + lockId + "\"")
        + WFS2
        + "><wfs:Update typeName=\"pipe_rq\"><wfs:Property><wfs:ValueReference>dn_mm</wfs:ValueReference>"
        + "<wfs:Value>"
        + dn
        + "</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"pipe_rq."
        + fid
        + "\"/></fes:Filter></wfs:Update></wfs:Transaction>";
  }

  private HttpResponse<String> post(String xml) throws Exception {
    return transaction(xml);
  }

  /** A KVP GET as the admin: request, version, then name/value pairs. */
  private HttpResponse<String> kvp(String request, String version, String... pairs)
      throws Exception {
    StringBuilder q =
        new StringBuilder("?SERVICE=WFS&REQUEST=")
            .append(request)
            .append("&VERSION=")
            .append(version);
    for (int i = 0; i < pairs.length; i += 2) {
      q.append('&')
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return Http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs" + q))
            .header("Authorization", Http.basic("admin:pw-admin"))
            .timeout(Duration.ofSeconds(120))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
