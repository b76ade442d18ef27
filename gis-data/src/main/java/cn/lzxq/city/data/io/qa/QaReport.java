package cn.lzxq.city.data.io.qa;

import java.util.List;
import java.util.Map;

/**
 * The outcome of checking (and possibly writing) a set of input files: every issue found, and the
 * number of feature versions written per table (empty when nothing was written).
 *
 * @param issues all issues, in file and row order of discovery
 * @param written feature versions written per table; empty on a dry run or when there were errors
 */
public record QaReport(List<QaIssue> issues, Map<String, Long> written) {

  public QaReport {
    issues = List.copyOf(issues);
    written = Map.copyOf(written);
  }

  /** True when no issue blocks the import. */
  public boolean ok() {
    return issues.stream().noneMatch(i -> i.severity() == QaIssue.Severity.ERROR);
  }

  /** The blocking issues. */
  public List<QaIssue> errors() {
    return issues.stream().filter(i -> i.severity() == QaIssue.Severity.ERROR).toList();
  }

  /** The report for a terminal: one line per issue, then a summary line. */
  public String format() {
    StringBuilder out = new StringBuilder();
    issues.forEach(i -> out.append(i.format()).append('\n'));
    out.append(errors().size())
        .append(" error(s), ")
        .append(issues.size() - errors().size())
        .append(" warning(s)");
    written.forEach(
        (table, n) -> out.append("; ").append(table).append(": ").append(n).append(" written"));
    return out.append('\n').toString();
  }
}
