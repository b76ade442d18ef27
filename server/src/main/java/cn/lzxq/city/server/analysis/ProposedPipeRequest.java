package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.pipe.ProposedPipe;
import tools.jackson.databind.JsonNode;

/**
 * A proposed pipe as a POST body: {@code {"geometry": {GeoJSON LineString}, "crs": "CRS:84",
 * "network": "JS", "dn": 300, "depth": 1.5, "pressureClass": "MB", "laying": "ZM", "material":
 * "QM", "asOf": …}}.
 *
 * @param dn DN, mm
 * @param depth metres below ground to the pipe top (invert for drainage)
 */
record ProposedPipeRequest(
    JsonNode geometry,
    String crs,
    String network,
    String subtype,
    Integer dn,
    Double depth,
    String pressureClass,
    String laying,
    String material,
    String asOf) {

  ProposedPipe pipe() {
    if (network == null || dn == null || depth == null) {
      throw new AnalysisInputException(
          "需要 network、dn 和 depth", "network, dn and depth are required");
    }
    return new ProposedPipe(
        geometry,
        ScopeParams.crs(crs),
        network,
        ScopeParams.blank(subtype),
        dn,
        depth,
        ScopeParams.blank(pressureClass),
        ScopeParams.blank(laying),
        ScopeParams.blank(material));
  }

  Scope time() {
    return ScopeParams.time(asOf);
  }
}
