package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.layer.Layer;
import java.util.List;

/**
 * The SQL predicate that says whether a user may write a row: admins always, editors only rows
 * whose owner column (权属单位: {@code owner}, or {@code operator} for antenna sectors) is their
 * organisation, viewers never. It is part of every UPDATE's WHERE and INSERT's SELECT, so the
 * database enforces it.
 */
final class Ownership {

  private Ownership() {}

  /** The owner column of a layer, or null when only admins edit it. */
  static String column(Layer layer) {
    if (layer.attribute("owner").isPresent()) {
      return "owner";
    }
    return layer.attribute("operator").isPresent() ? "operator" : null;
  }

  /**
   * The predicate over an owner expression (a column such as {@code t."owner"}, or {@code CAST(? AS
   * text)} with its parameter in {@code ownerParams}), appending the parameters.
   */
  static String predicate(
      Layer layer, String ownerExpr, List<Object> ownerParams, Editor who, List<Object> params) {
    params.add(who.admin());
    if (column(layer) == null) {
      return "(CAST(? AS boolean))";
    }
    params.addAll(ownerParams);
    params.add(who.role() == Editor.Role.EDITOR ? who.organization() : null);
    return "(CAST(? AS boolean) OR " + ownerExpr + " = CAST(? AS text))";
  }
}
