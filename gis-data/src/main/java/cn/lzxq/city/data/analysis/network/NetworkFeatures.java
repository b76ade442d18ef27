package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Fetches the CRS84 geometries of the segments and points of a network answer. */
final class NetworkFeatures {

  private NetworkFeatures() {}

  /** Geometries keyed "segment:fid" and "point:fid". */
  static Map<String, GeoJson> of(
      Session s, Collection<Long> segments, Collection<Long> points, ResolvedScope time)
      throws SQLException {
    Map<String, Object> p = time.params();
    p.put("segments", segments.toArray(Long[]::new));
    p.put("points", points.toArray(Long[]::new));
    Map<String, GeoJson> out = new HashMap<>();
    s.template(
        "network_features",
        p,
        r -> out.put(r.str("kind") + ":" + r.lng("fid"), r.geoJson("geometry")));
    return out;
  }
}
