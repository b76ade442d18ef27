package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.pipe.PipePair;
import cn.lzxq.city.data.analysis.pipe.PipeSubject;
import cn.lzxq.city.data.analysis.pipe.ProposedPipe;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Collision check (碰撞分析): pipe solids that overlap in 3D, for the pipes of a scope or a proposed
 * pipe. The SQL is {@code sql/analysis/collision.sql}.
 */
public final class CollisionCheck {

  /** Plan search distance: the subject's radius plus the largest radius in the table. */
  private static final String REACH = "lim.half_m + greatest(a.half_width_m, a.half_height_m)";

  private CollisionCheck() {}

  public static CollisionResult existing(Session s, ResolvedScope scope) throws SQLException {
    return run(s, PipeSubject.of(scope), scope);
  }

  public static CollisionResult proposed(Session s, ProposedPipe pipe, ResolvedScope time)
      throws SQLException {
    return run(s, PipeSubject.of(s, pipe, time), time);
  }

  private static CollisionResult run(Session s, PipeSubject subject, ResolvedScope scope)
      throws SQLException {
    List<Collision> c =
        s.templateAll(
            "collision",
            Map.of("pairs", subject.pairs(REACH)),
            subject.pairParams(s),
            r ->
                new Collision(
                    PipePair.a(r),
                    PipePair.b(r),
                    r.dbl("centre_distance_m", 3),
                    r.dbl("overlap_m", 3),
                    r.geoJson("location")));
    return new CollisionResult(scope.asOf(), c.size(), c);
  }
}
