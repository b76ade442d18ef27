package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.crs.CrsRef;
import tools.jackson.databind.JsonNode;

/**
 * A POST body with a GeoJSON geometry: {@code {"geometry": {…}, "crs": "CRS:84", "depth": 2.0,
 * "bufferM": 3, "asOf": …}}.
 *
 * @param depth metres (excavation)
 * @param bufferM protection distance around the pit, metres (excavation; default the setting)
 */
record GeometryRequest(JsonNode geometry, String crs, Double depth, Double bufferM, String asOf) {

  CrsRef crsRef() {
    return ScopeParams.crs(crs);
  }

  Scope time() {
    return ScopeParams.time(asOf);
  }
}
