package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.edit.EditResult;
import java.util.List;

/** The Transaction response documents of WFS 2.0.0, 1.1.0 and 1.0.0 (the one QGIS reads). */
final class TransactionResponses {

  private TransactionResponses() {}

  /**
   * @param insertedIds the new features' ids as {@code layer.fid}, in insert order
   */
  static String document(String version, EditResult r, List<String> insertedIds) {
    return switch (version) {
      case "1.0.0" -> v100(insertedIds);
      case "1.1.0" -> v110(r, insertedIds);
      default -> v200(r, insertedIds);
    };
  }

  private static String v200(EditResult r, List<String> ids) {
    StringBuilder b =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:TransactionResponse version=\"2.0.0\""
                    + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\">\n"
                    + "  <wfs:TransactionSummary>\n")
            .append("    <wfs:totalInserted>")
            .append(r.inserted().size())
            .append("</wfs:totalInserted>\n")
            .append("    <wfs:totalUpdated>")
            .append(r.updated())
            .append("</wfs:totalUpdated>\n")
            .append("    <wfs:totalReplaced>")
            .append(r.replaced())
            .append("</wfs:totalReplaced>\n")
            .append("    <wfs:totalDeleted>")
            .append(r.deleted())
            .append("</wfs:totalDeleted>\n")
            .append("  </wfs:TransactionSummary>\n");
    if (!ids.isEmpty()) {
      b.append("  <wfs:InsertResults>\n");
      ids.forEach(
          id ->
              b.append("    <wfs:Feature><fes:ResourceId rid=\"")
                  .append(id)
                  .append("\"/></wfs:Feature>\n"));
      b.append("  </wfs:InsertResults>\n");
    }
    return b.append("</wfs:TransactionResponse>\n").toString();
  }

  private static String v110(EditResult r, List<String> ids) {
    StringBuilder b =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:TransactionResponse version=\"1.1.0\""
                    + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n  <wfs:TransactionSummary>\n")
            .append("    <wfs:totalInserted>")
            .append(r.inserted().size())
            .append("</wfs:totalInserted>\n")
            .append("    <wfs:totalUpdated>")
            .append(r.updated() + r.replaced())
            .append("</wfs:totalUpdated>\n")
            .append("    <wfs:totalDeleted>")
            .append(r.deleted())
            .append("</wfs:totalDeleted>\n")
            .append("  </wfs:TransactionSummary>\n");
    if (!ids.isEmpty()) {
      b.append("  <wfs:InsertResults>\n");
      ids.forEach(
          id ->
              b.append("    <wfs:Feature><ogc:FeatureId fid=\"")
                  .append(id)
                  .append("\"/></wfs:Feature>\n"));
      b.append("  </wfs:InsertResults>\n");
    }
    return b.append("</wfs:TransactionResponse>\n").toString();
  }

  /** The WFS 1.0.0 answer to a transaction that failed as a whole (nothing was written). */
  static String failed(String handle, String locator, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:WFS_TransactionResponse version=\"1.0.0\""
        + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n  <wfs:TransactionResult"
        + (handle == null ? "" : " handle=\"" + StoredQueries.xml(handle) + "\"")
        + "><wfs:Status><wfs:FAILED/></wfs:Status>"
        + "<wfs:Locator>"
        + StoredQueries.xml(locator)
        + "</wfs:Locator><wfs:Message>"
        + StoredQueries.xml(message)
        + "</wfs:Message>"
        + "</wfs:TransactionResult>\n</wfs:WFS_TransactionResponse>\n";
  }

  private static String v100(List<String> ids) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:WFS_TransactionResponse"
                + " version=\"1.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n");
    if (!ids.isEmpty()) {
      b.append("  <wfs:InsertResult>");
      ids.forEach(id -> b.append("<ogc:FeatureId fid=\"").append(id).append("\"/>"));
      b.append("</wfs:InsertResult>\n");
    }
    return b.append(
            "  <wfs:TransactionResult><wfs:Status><wfs:SUCCESS/></wfs:Status></wfs:TransactionResult>\n")
        .append("</wfs:WFS_TransactionResponse>\n")
        .toString();
  }
}
