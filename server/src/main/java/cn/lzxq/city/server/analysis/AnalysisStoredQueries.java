package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.collision.CollisionCheck;
import cn.lzxq.city.server.wfs.WfsStoredQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analyses that return features, contributed to WFS 2.0 as stored queries. */
@Configuration(proxyBeanMethods = false)
class AnalysisStoredQueries {

  static final String CLEARANCE = "urn:lzxq:def:query:city::ClearanceViolations";
  static final String COLLISION = "urn:lzxq:def:query:city::Collisions";

  @Bean
  WfsStoredQuery clearanceViolationsQuery(AnalysisRunner runner, AnswerWriter writer) {
    return new ScopedStoredQuery(
        CLEARANCE,
        "Clearance violations (净距分析) in a bbox",
        "GB 50289 horizontal and vertical clearance shortfalls, wall to wall, between the current pipes in BBOX and their "
            + "neighbours: one feature per violating pair at the shortfall, with measured and required distance (m), the "
            + "clearance_rule row used and the owners (as GET /api/analysis/clearance?f=geojson).",
        "city:ClearanceViolation",
        "clearance",
        ClearanceCheck::existing,
        runner,
        writer);
  }

  @Bean
  WfsStoredQuery collisionsQuery(AnalysisRunner runner, AnswerWriter writer) {
    return new ScopedStoredQuery(
        COLLISION,
        "Pipe collisions (碰撞分析) in a bbox",
        "Pairs of pipe solids that overlap in 3D among the current pipes in BBOX and their neighbours: one feature per "
            + "pair (as GET /api/analysis/collision?f=geojson).",
        "city:Collision",
        "collision",
        CollisionCheck::existing,
        runner,
        writer);
  }
}
