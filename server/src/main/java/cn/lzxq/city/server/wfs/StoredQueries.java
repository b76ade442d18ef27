package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.ows.OwsException;
import java.util.List;

/**
 * The stored queries as ListStoredQueries and DescribeStoredQueries describe them: GetFeatureById
 * and the {@link WfsStoredQuery} beans other packages contribute.
 */
final class StoredQueries {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String NS =
      " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
          + " xmlns:city=\"http://lzxq.cn/city\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\"";

  private StoredQueries() {}

  static String list(List<String> typeNames, List<WfsStoredQuery> contributed) {
    StringBuilder b =
        new StringBuilder(HEAD)
            .append("<wfs:ListStoredQueriesResponse")
            .append(NS)
            .append(">\n")
            .append("  <wfs:StoredQuery id=\"")
            .append(WfsParams.GET_FEATURE_BY_ID)
            .append("\">\n")
            .append("    <wfs:Title>Get feature by identifier</wfs:Title>\n");
    typeNames.forEach(
        t ->
            b.append("    <wfs:ReturnFeatureType>city:")
                .append(t)
                .append("</wfs:ReturnFeatureType>\n"));
    b.append("  </wfs:StoredQuery>\n");
    for (WfsStoredQuery q : contributed) {
      b.append("  <wfs:StoredQuery id=\"")
          .append(xml(q.id()))
          .append("\">\n")
          .append("    <wfs:Title>")
          .append(xml(q.title()))
          .append("</wfs:Title>\n")
          .append("    <wfs:ReturnFeatureType>")
          .append(xml(q.returnFeatureType()))
          .append("</wfs:ReturnFeatureType>\n")
          .append("  </wfs:StoredQuery>\n");
    }
    return b.append("</wfs:ListStoredQueriesResponse>\n").toString();
  }

  static String describe(
      List<String> ids, List<String> typeNames, List<WfsStoredQuery> contributed) {
    List<String> wanted = ids.stream().map(String::trim).toList();
    for (String id : wanted) {
      if (!id.equals(WfsParams.GET_FEATURE_BY_ID)) {
        find(id, contributed);
      }
    }
    StringBuilder b =
        new StringBuilder(HEAD)
            .append("<wfs:DescribeStoredQueriesResponse")
            .append(NS)
            .append(">\n");
    if (wanted.isEmpty() || wanted.contains(WfsParams.GET_FEATURE_BY_ID)) {
      String returnTypes = String.join(" ", typeNames.stream().map(t -> "city:" + t).toList());
      b.append("  <wfs:StoredQueryDescription id=\"")
          .append(WfsParams.GET_FEATURE_BY_ID)
          .append("\">\n")
          .append("    <wfs:Title>Get feature by identifier</wfs:Title>\n")
          .append(
              "    <wfs:Abstract>Returns the one feature with the given id (layer.fid), or HTTP 404.</wfs:Abstract>\n")
          .append("    <wfs:Parameter name=\"id\" type=\"xs:string\"/>\n")
          .append(
              "    <wfs:QueryExpressionText isPrivate=\"true\" language=\"urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression\"")
          .append(" returnFeatureTypes=\"")
          .append(returnTypes)
          .append("\"/>\n")
          .append("  </wfs:StoredQueryDescription>\n");
    }
    for (WfsStoredQuery q : contributed) {
      if (wanted.isEmpty() || wanted.contains(q.id())) {
        b.append("  <wfs:StoredQueryDescription id=\"")
            .append(xml(q.id()))
            .append("\">\n")
            .append("    <wfs:Title>")
            .append(xml(q.title()))
            .append("</wfs:Title>\n")
            .append("    <wfs:Abstract>")
            .append(xml(q.description()))
            .append("</wfs:Abstract>\n");
        for (WfsStoredQuery.Parameter p : q.parameters()) {
          b.append("    <wfs:Parameter name=\"")
              .append(xml(p.name()))
              .append("\" type=\"")
              .append(xml(p.type()))
              .append("\">\n")
              .append("      <wfs:Abstract>")
              .append(xml(p.abstractText()))
              .append("</wfs:Abstract>\n")
              .append("    </wfs:Parameter>\n");
        }
        b.append(
                "    <wfs:QueryExpressionText isPrivate=\"true\" language=\"urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression\"")
            .append(" returnFeatureTypes=\"")
            .append(xml(q.returnFeatureType()))
            .append("\"/>\n")
            .append("  </wfs:StoredQueryDescription>\n");
      }
    }
    return b.append("</wfs:DescribeStoredQueriesResponse>\n").toString();
  }

  /** The contributed stored query with this id; InvalidParameterValue when there is none. */
  static WfsStoredQuery find(String id, List<WfsStoredQuery> contributed) {
    return contributed.stream()
        .filter(q -> q.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new OwsException(
                    OwsException.INVALID_PARAMETER_VALUE,
                    "STOREDQUERY_ID",
                    "unknown stored query '" + id + "'"));
  }

  /** Text escaped for XML content and attribute values. */
  static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
