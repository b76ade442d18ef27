package cn.lzxq.city.data.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.NativeSrid;
import cn.lzxq.city.data.query.SqlBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feature locks across server nodes: two "nodes", each with its own connection pool, {@link
 * FeatureLocks} and {@link FeatureEditor} on one database (no state shared in memory). A lock taken
 * on one node refuses the other node's writers, its holder writes through either node, a second
 * lock of the same feature waits for expiry, and release on one node frees the feature on the
 * other.
 */
class FeatureLocksTest {

  private static final Layer WATER = LayerCatalog.standard().find("pipe_js").orElseThrow();
  private static final Editor ADMIN = new Editor("admin", Editor.Role.ADMIN, null);

  private static HikariDataSource nodeA;
  private static HikariDataSource nodeB;

  @BeforeAll
  static void database() throws SQLException {
    nodeA = TestDatabase.freshSchema("FeatureLocksTest");
    nodeB = CityDatabase.pool(TestDatabase.config().withSchema("t_featurelockstest"), 4);
    Sql.exec(
        nodeA,
        """
        INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility');
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm,
                                  owner, geom, valid_from)
        SELECT 500 + i, 'JS', 'JP', '51041000', 'JS' || i, 'JS' || (i + 1), 'top', 300, 'SW',
               ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.70, 36.50 + i * 0.001, 1948.8),
                                                   ST_MakePoint(103.701, 36.50 + i * 0.001, 1948.8)), 4490), 4544),
               '2015-01-01'
        FROM generate_series(1, 2) i;
        """);
  }

  @AfterAll
  static void close() {
    nodeB.close();
    nodeA.close();
  }

  private static FeatureLocks locks(HikariDataSource node) throws SQLException {
    return new FeatureLocks(
        node, new SqlBuilder(NativeSrid.read(node)), Duration.ofSeconds(10), 100);
  }

  private static FeatureEditor editor(HikariDataSource node) throws SQLException {
    return new FeatureEditor(
        node,
        new SqlBuilder(NativeSrid.read(node)),
        Duration.ofSeconds(10),
        new GeometryCheck(ServiceArea.LANZHOU_NEW_AREA, 0.05),
        4);
  }

  private static List<FeatureEdit> resize(long fid, int dn) {
    return List.of(
        new FeatureEdit.Update(
            WATER, new Filter.ResourceIds(List.of(fid)), Map.of("dn_mm", dn), null));
  }

  @Test
  void aLockTakenOnOneNodeHoldsOnTheOther() throws Exception {
    FeatureLocks.Outcome lock =
        locks(nodeA)
            .lock(
                List.of(new FeatureLocks.Target(WATER, new Filter.ResourceIds(List.of(501L)))),
                true,
                Duration.ofSeconds(1),
                ADMIN);
    assertThat(lock.locked()).containsExactly(new FeatureLocks.LockedFeature("pipe_js", 501));

    assertThatThrownBy(() -> editor(nodeB).apply(resize(501, 400), ADMIN, "other writer"))
        .isInstanceOfSatisfying(
            EditException.class,
            e -> assertThat(e.reason()).isEqualTo(EditException.Reason.LOCKED));
    assertThatThrownBy(
            () ->
                locks(nodeB)
                    .lock(
                        List.of(
                            new FeatureLocks.Target(
                                WATER, new Filter.ResourceIds(List.of(501L, 502L)))),
                        true,
                        Duration.ofSeconds(60),
                        ADMIN))
        .isInstanceOfSatisfying(
            EditException.class,
            e -> assertThat(e.reason()).isEqualTo(EditException.Reason.LOCKED));

    Thread.sleep(1200);
    FeatureLocks.Outcome second =
        locks(nodeB)
            .lock(
                List.of(new FeatureLocks.Target(WATER, new Filter.ResourceIds(List.of(501L)))),
                true,
                Duration.ofSeconds(60),
                ADMIN);
    assertThat(second.locked())
        .as("the expired lock freed the feature")
        .containsExactly(new FeatureLocks.LockedFeature("pipe_js", 501));

    EditResult held =
        editor(nodeA)
            .apply(
                resize(501, 500),
                ADMIN,
                "holder",
                new FeatureLocks.Presented(second.lockId(), false));
    assertThat(held.updated()).isEqualTo(1);
    assertThatThrownBy(() -> locks(nodeA).release(second.lockId()))
        .as("releaseAction SOME released the edited feature: nothing is left of the lock")
        .isInstanceOfSatisfying(
            EditException.class,
            e -> assertThat(e.reason()).isEqualTo(EditException.Reason.INVALID_LOCK));
  }

  @Test
  void releaseOnOneNodeFreesTheFeatureOnTheOther() throws Exception {
    FeatureLocks.Outcome lock =
        locks(nodeB)
            .lock(
                List.of(new FeatureLocks.Target(WATER, new Filter.ResourceIds(List.of(502L)))),
                false,
                Duration.ofSeconds(60),
                ADMIN);
    assertThatThrownBy(() -> editor(nodeA).apply(resize(502, 250), ADMIN, "blocked"))
        .isInstanceOf(EditException.class);
    assertThat(locks(nodeA).release(lock.lockId())).isEqualTo(1);
    assertThat(editor(nodeA).apply(resize(502, 260), ADMIN, "free").updated()).isEqualTo(1);
    assertThatThrownBy(() -> locks(nodeB).release(lock.lockId()))
        .isInstanceOfSatisfying(
            EditException.class,
            e -> assertThat(e.reason()).isEqualTo(EditException.Reason.INVALID_LOCK));
  }
}
