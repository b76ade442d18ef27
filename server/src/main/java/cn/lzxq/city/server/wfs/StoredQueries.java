package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.ows.OwsException;
import java.util.List;

/** The one stored query, GetFeatureById, as ListStoredQueries and DescribeStoredQueries describe it. */
final class StoredQueries {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String NS = " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
      + " xmlns:city=\"http://lzxq.cn/city\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      + " xsi:schemaLocation=\"http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd\"";

  private StoredQueries() {
  }

  static String list(List<String> typeNames) {
    StringBuilder b = new StringBuilder(HEAD).append("<wfs:ListStoredQueriesResponse").append(NS).append(">\n")
        .append("  <wfs:StoredQuery id=\"").append(WfsParams.GET_FEATURE_BY_ID).append("\">\n")
        .append("    <wfs:Title>Get feature by identifier</wfs:Title>\n");
    typeNames.forEach(t -> b.append("    <wfs:ReturnFeatureType>city:").append(t).append("</wfs:ReturnFeatureType>\n"));
    return b.append("  </wfs:StoredQuery>\n</wfs:ListStoredQueriesResponse>\n").toString();
  }

  static String describe(List<String> ids, List<String> typeNames) {
    for (String id : ids) {
      if (!id.trim().equals(WfsParams.GET_FEATURE_BY_ID)) {
        throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "STOREDQUERY_ID", "unknown stored query '" + id + "'");
      }
    }
    String returnTypes = String.join(" ", typeNames.stream().map(t -> "city:" + t).toList());
    return HEAD + "<wfs:DescribeStoredQueriesResponse" + NS + ">\n"
        + "  <wfs:StoredQueryDescription id=\"" + WfsParams.GET_FEATURE_BY_ID + "\">\n"
        + "    <wfs:Title>Get feature by identifier</wfs:Title>\n"
        + "    <wfs:Abstract>Returns the one feature with the given id (layer.fid), or HTTP 404.</wfs:Abstract>\n"
        + "    <wfs:Parameter name=\"id\" type=\"xs:string\"/>\n"
        + "    <wfs:QueryExpressionText isPrivate=\"true\" language=\"urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression\""
        + " returnFeatureTypes=\"" + returnTypes + "\"/>\n"
        + "  </wfs:StoredQueryDescription>\n</wfs:DescribeStoredQueriesResponse>\n";
  }
}
