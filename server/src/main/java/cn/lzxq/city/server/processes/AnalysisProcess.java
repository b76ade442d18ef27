package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.Set;

/**
 * A whole-area analysis offered as an OGC API process: its id, titles, the inputs it takes, and the
 * check it runs on a resolved scope. Its one output is the GeoJSON of the check's items.
 *
 * @param id process id and job kind (clearance, collision, cover)
 * @param inputs the names of the inputs it accepts ({@link ProcessInputs})
 * @param check the analysis (null for an {@link ExtraProcess}, which runs its own job)
 */
record AnalysisProcess(
    String id,
    String titleZh,
    String titleEn,
    String description,
    Set<String> inputs,
    Check check) {

  /** The analysis of a process. */
  @FunctionalInterface
  interface Check {
    Listing<?> run(Session s, ResolvedScope scope, ProcessInputs inputs) throws SQLException;
  }
}
