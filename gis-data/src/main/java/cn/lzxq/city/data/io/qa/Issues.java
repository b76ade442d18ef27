package cn.lzxq.city.data.io.qa;

import java.util.ArrayList;
import java.util.List;

/** Collects the issues of one import; checks add to it and never stop at the first. */
public final class Issues {

  private final List<QaIssue> list = new ArrayList<>();

  /** Records an error. */
  public void error(String file, long row, String column, QaCode code, String detail) {
    list.add(
        new QaIssue(
            file,
            row,
            column == null ? "" : column,
            code,
            QaIssue.Severity.ERROR,
            code.message(detail)));
  }

  /** Records a warning, which does not block the import. */
  public void warning(String file, long row, String column, QaCode code, String detail) {
    list.add(
        new QaIssue(
            file,
            row,
            column == null ? "" : column,
            code,
            QaIssue.Severity.WARNING,
            code.message(detail)));
  }

  /** True when an error has been recorded. */
  public boolean hasErrors() {
    return list.stream().anyMatch(i -> i.severity() == QaIssue.Severity.ERROR);
  }

  /** The issues so far. */
  public List<QaIssue> all() {
    return List.copyOf(list);
  }
}
