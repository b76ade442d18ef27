package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Checks the attributes of a proposed pipe against the code dictionaries. */
final class ProposedInput {

  private ProposedInput() {}

  static void check(Session s, ProposedPipe p) throws SQLException {
    if (p.dnMm() <= 0 || p.dnMm() > 5000) {
      throw new AnalysisInputException("管径 DN 应在 1–5000 mm", "dn must be 1–5000 mm");
    }
    if (!(p.depthM() > 0 && p.depthM() <= 30)) {
      throw new AnalysisInputException("埋深应在 0–30 m", "depth must be more than 0 and at most 30 m");
    }
    Map<String, Object> q = new HashMap<>();
    q.put("network", p.network());
    q.put("subtype", p.subtype());
    q.put("pc", p.pressureClass());
    q.put("laying", p.laying());
    q.put("material", p.material());
    String bad = s.template("proposed_check", q, r -> r.str("bad")).get(0);
    if (bad != null) {
      throw new AnalysisInputException("未知代码：" + bad, "unknown code: " + bad);
    }
  }
}
