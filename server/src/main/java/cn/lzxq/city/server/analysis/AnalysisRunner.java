package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/** Runs an analysis under its configured time limit, resolving its scope first. */
@Component
class AnalysisRunner {

  private final AnalysisDb db;
  private final AnalysisProperties props;

  AnalysisRunner(AnalysisDb db, AnalysisProperties props) {
    this.db = db;
    this.props = props;
  }

  /** Work on a checked scope. */
  interface ScopedWork<T> {
    T run(Session s, ResolvedScope scope) throws SQLException;
  }

  /**
   * Runs {@code work} under the limit of {@code analysis} on the scope, checked against the area
   * limit.
   */
  <T> T scoped(String analysis, Scope scope, ScopedWork<T> work) {
    return db.run(
        props.limit(analysis),
        s -> work.run(s, ScopeResolver.resolve(s, scope, props.maxScopeKm2())));
  }

  /** Runs {@code work} under the limit of {@code analysis}; only the time of the scope is used. */
  <T> T timed(String analysis, Scope time, ScopedWork<T> work) {
    return db.run(
        props.limit(analysis),
        s -> work.run(s, ScopeResolver.resolve(s, time, Double.POSITIVE_INFINITY)));
  }

  AnalysisProperties props() {
    return props;
  }
}
