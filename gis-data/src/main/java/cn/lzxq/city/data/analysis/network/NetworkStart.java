package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where a network walk starts: a segment fid, or the nearest segment to a point.
 *
 * @param fid the start segment
 * @param network its network
 * @param mid its midpoint (native EWKB), the centre of the fetched disc
 */
record NetworkStart(long fid, String network, byte[] mid) {

  static NetworkStart find(
      Session s, Long fid, double[] lonLat, CrsRef crs, String network, ResolvedScope time)
      throws SQLException {
    if ((fid == null) == (lonLat == null)) {
      throw new AnalysisInputException(
          "需要 fid 或 point 之一", "give either fid (a segment) or point (x,y)");
    }
    Map<String, Object> p = time.params();
    p.put("fid", fid);
    p.put("at", lonLat == null ? null : GeometryInput.point(s, lonLat[0], lonLat[1], crs).ewkb());
    p.put("network", network);
    List<NetworkStart> rows =
        s.template(
            "network_start",
            p,
            r -> new NetworkStart(r.lng("fid"), r.str("network"), r.bytes("mid")));
    if (rows.isEmpty()) {
      throw fid != null
          ? new AnalysisInputException("未知管段 fid：" + fid, "unknown segment fid: " + fid)
          : new AnalysisInputException("50 m 内无管段", "no segment within 50 m of the point");
    }
    return rows.get(0);
  }
}
