package cn.lzxq.city.data.analysis.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.groups.Tuple.tuple;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.clearance.ClearanceResult;
import cn.lzxq.city.data.analysis.clearance.UncheckedPairs;
import cn.lzxq.city.data.analysis.collision.Collision;
import cn.lzxq.city.data.analysis.collision.CollisionCheck;
import cn.lzxq.city.data.analysis.collision.CollisionResult;
import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pair search of the clearance and collision checks (pairs.sql) reaches every pipe whose outer
 * wall can matter, also when the largest pipe is a walled one. In this scratch schema the largest
 * DN is a concrete storm drain DN1000, whose outside diameter is 1,200 mm (GB/T 11836-2009, wall
 * 100 mm): half size 0.60 m, where the old bound (the largest width, height or DN over two) gave
 * 0.50 m. Two smaller pipes lie beside it, each with the smaller fid (the one the search starts
 * from, the drain the one found), just inside what the 0.60 m bound reaches and just outside the
 * 0.50 m one.
 */
class PairSearchBoundTest {

  private static HikariDataSource db;

  @BeforeAll
  static void fixture() throws Exception {
    db = TestDatabase.freshSchema("PairSearchBoundTest");
    // y north of the drain's centreline (metres); the drain's centre is 1945.5 (inner invert
    // 1945.0 + inner radius 0.5), its outer radius 0.6
    Sql.exec(
        db,
        """
        CREATE FUNCTION t_line(y float8, z float8) RETURNS geometry LANGUAGE sql AS
          $$ SELECT ST_SetSRID(ST_MakeLine(ST_MakePoint(383000, 4041000 + y, z), ST_MakePoint(383050, 4041000 + y, z)), 4544) $$;
        INSERT INTO organization (code, name, kind) VALUES ('U', 'utility', 'utility');
        INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, material,
                                  laying, owner, geom, remarks) VALUES
          -- sewer DN/ID 200 PE (outside 225 mm, GB/T 19472.1-2019): outer wall 3.95 m south of the
          -- drain's, within the 4.0 m that unchecked pairs are listed within (the largest
          -- pipe-to-pipe rule, GB 50028-2006 Table 6.3.3-1: sub-high-pressure A gas to a trench);
          -- sewer beside storm drain is a pair the tables leave blank
          ('PS', 'WS', '52021000', 'W1', 'W2', 'invert', 200, 'PE', 'ZM', 'U', t_line(-(0.6 + 3.95 + 0.1125), 1945.0), 'sewer'),
          -- water dn 100 PE (the outside diameter): centre 0.62 m north of the drain's at the drain's
          -- centre elevation (outer top 1945.55): the solids overlap by 0.6 + 0.05 - 0.62 = 0.03 m
          ('JS', 'JP', '51041000', 'J1', 'J2', 'top', 100, 'PE', 'ZM', 'U', t_line(0.62, 1945.55), 'water'),
          ('PS', 'YS', '52011000', 'D1', 'D2', 'invert', 1000, 'T', 'ZM', 'U', t_line(0, 1945.0), 'drain')""");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theCollisionWithTheDrainsOuterWallIsFound() throws Exception {
    CollisionResult answer = run(s -> CollisionCheck.existing(s, everything(s)));

    assertThat(answer.collisions()).hasSize(1);
    Collision c = answer.collisions().get(0);
    assertThat(c.a().fid()).isEqualTo(fid("water"));
    assertThat(c.b().fid()).isEqualTo(fid("drain"));
    assertThat(c.overlapM()).isCloseTo(0.03, offset(0.001));
  }

  @Test
  void theUncheckedPairWithinTheReachOfTheDrainsOuterWallIsListed() throws Exception {
    ClearanceResult answer = run(s -> ClearanceCheck.existing(s, everything(s)));

    assertThat(answer.unchecked().pairs())
        .extracting(p -> p.a().fid(), p -> p.b().fid(), UncheckedPairs.Pair::direction)
        .containsExactly(tuple(fid("sewer"), fid("drain"), "horizontal"));
    assertThat(answer.unchecked().pairs().get(0).gapM()).isCloseTo(3.95, offset(0.001));
  }

  private static <T> T run(AnalysisDb.Work<T> work) {
    return new AnalysisDb(new ReadExecutor(db, Duration.ofSeconds(30)), 4544)
        .run(Duration.ofSeconds(30), work);
  }

  private static ResolvedScope everything(Session s) throws SQLException {
    return ScopeResolver.resolve(s, Scope.everything(null), Double.POSITIVE_INFINITY);
  }

  private static long fid(String remarks) throws Exception {
    return Sql.count(db, "SELECT fid FROM pipe_segment WHERE remarks = '" + remarks + "'");
  }
}
