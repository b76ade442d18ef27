package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.Scope;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The scope parameters of a GET analysis request (bound by name from the query string).
 *
 * @param bbox minx,miny,maxx,maxy in the axis order of bboxCrs (CRS84 by default: lon,lat)
 * @param bboxCrs the bbox CRS, parameter {@code bbox-crs} (default CRS84)
 * @param road a road name (its red line)
 * @param project a construction project code (its corridor)
 * @param owner an organization code
 * @param network JS PS RQ RL DL TX
 * @param asOf ISO 8601 time or date; default now
 */
record ScopeRequest(
    String bbox,
    @BindParam("bbox-crs") String bboxCrs,
    String road,
    String project,
    String owner,
    String network,
    String asOf) {

  Scope scope() {
    return ScopeParams.scope(bbox, bboxCrs, road, project, owner, network, asOf);
  }
}
