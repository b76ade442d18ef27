package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.coverage.CoverageGrid;
import cn.lzxq.city.data.coverage.CoverageSector;
import cn.lzxq.city.data.coverage.CoverageStatistics;
import cn.lzxq.city.data.coverage.CoverageStore;
import cn.lzxq.city.data.coverage.StoredGrid;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.server.wms.render.NativeLattice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Coverage answers of the current grid (computed by the {@code coverage} process):
 *
 * <ul>
 *   <li>{@code GET /api/coverage/point?x=&y=[&crs=]}: per operator and band, the best-server RSRP
 *       (dBm per resource element), SINR (dB) and serving sector at a point (x = easting or
 *       longitude, default CRS84), with the point and the centre of its cell in the native CRS; the
 *       WLAN layer answers {@code rssiDbm}, {@code snrDb} and {@code servingAccessPoint} instead;
 *   <li>{@code GET /api/coverage/statistics[?threshold=-110]}: per operator and band over the whole
 *       grid, the cells reached and covered (RSRP, for WLAN RSSI, at or above the threshold, dBm),
 *       the covered share and mean RSRP and SINR (WLAN: RSSI and SNR); without a threshold each
 *       layer is counted at its own default ({@code city.coverage.threshold-dbm}, {@code
 *       city.coverage.wlan-threshold-dbm}).
 * </ul>
 *
 * Bad parameters are 400 problem+json; without a computed grid both answer with no layers.
 */
@RestController
@RequestMapping("/api/coverage")
class CoverageController {

  private final ReadExecutor reads;
  private final CoverageMaps maps;
  private final CoverageProperties props;

  CoverageController(ReadExecutor reads, CoverageMaps maps, CoverageProperties props) {
    this.reads = reads;
    this.maps = maps;
    this.props = props;
  }

  @GetMapping("/point")
  Map<String, Object> point(
      @RequestParam String x, @RequestParam String y, @RequestParam(required = false) String crs)
      throws SQLException {
    double px = number("x", x);
    double py = number("y", y);
    CrsRef ref;
    try {
      ref = crs == null ? CrsRef.CRS84 : CrsRef.parse(crs);
    } catch (IllegalArgumentException e) {
      throw bad("crs: " + e.getMessage());
    }
    return reads.read(
        tx -> {
          Connection c = tx.connection();
          double[] p =
              NativeLattice.toNative(c, ref.srid(), new Double[] {px}, new Double[] {py})[0];
          StoredGrid grid = CoverageStore.current(c, null);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("x", px);
          out.put("y", py);
          out.put("crs", crs == null ? "CRS:84" : crs);
          out.put("gridId", grid == null ? null : grid.id());
          out.put("cellSizeM", grid == null ? null : grid.grid().cellM());
          out.put("nativeX", p[0]);
          out.put("nativeY", p[1]);
          if (grid != null) {
            CoverageGrid g = grid.grid();
            out.put("cellX", g.x(g.col(p[0])));
            out.put("cellY", g.y(g.row(p[1])));
          }
          List<Map<String, Object>> layers = new ArrayList<>();
          for (Map.Entry<CoverageSector.LayerKey, CoverageMaps.CellValue> e :
              maps.valuesAt(c, p[0], p[1]).entrySet()) {
            layers.add(layer(tx, e.getKey(), e.getValue()));
          }
          out.put("layers", layers);
          return out;
        });
  }

  @GetMapping("/statistics")
  Map<String, Object> statistics(@RequestParam(required = false) String threshold)
      throws SQLException {
    Double given = threshold == null ? null : number("threshold", threshold);
    if (given != null && !(given >= -160 && given <= -30)) {
      throw bad("threshold must be −160 … −30 dBm");
    }
    return reads.read(
        tx -> {
          Connection c = tx.connection();
          StoredGrid grid = CoverageStore.current(c, null);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("thresholdDbm", given == null ? props.thresholdDbm() : given);
          out.put("wlanThresholdDbm", given == null ? props.wlanThresholdDbm() : given);
          out.put("gridId", grid == null ? null : grid.id());
          out.put("cellSizeM", grid == null ? null : grid.grid().cellM());
          List<CoverageStatistics> layers = new ArrayList<>();
          if (grid != null) {
            for (CoverageSector.LayerKey k : CoverageStore.layers(c, grid.id())) {
              double t =
                  given != null
                      ? given
                      : k.wlan() ? props.wlanThresholdDbm() : props.thresholdDbm();
              layers.add(count(c, grid, k, t));
            }
          }
          out.put("layers", layers);
          return out;
        });
  }

  private static CoverageStatistics count(
      Connection c, StoredGrid grid, CoverageSector.LayerKey k, double threshold)
      throws SQLException {
    CoverageStatistics.Counter counter = new CoverageStatistics.Counter(threshold);
    CoverageGrid g = grid.grid();
    for (int br = 0; br < g.blockRows(); br++) {
      for (int bc = 0; bc < g.blockCols(); bc++) {
        CoverageStore.Block b = CoverageStore.block(c, grid.id(), k, br, bc);
        if (b != null) {
          for (int i = 0; i < b.rsrpDbm().length; i++) {
            counter.add(b.rsrpDbm()[i], b.sinrDb()[i]);
          }
        }
      }
    }
    return counter.result(k);
  }

  private static Map<String, Object> layer(
      ReadTransaction tx, CoverageSector.LayerKey k, CoverageMaps.CellValue v) throws SQLException {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("layer", k.layerName());
    l.put("operator", k.operator());
    l.put("band", k.band());
    l.put(k.wlan() ? "rssiDbm" : "rsrpDbm", Math.round(v.rsrpDbm() * 10) / 10.0);
    l.put(k.wlan() ? "snrDb" : "sinrDb", Math.round(v.sinrDb() * 10) / 10.0);
    int fid = v.server();
    if (k.wlan()) {
      List<Map<String, Object>> ap =
          tx.query(
              "SELECT fid, ap_code, ssid, band FROM wlan_ap WHERE fid = :fid"
                  + " ORDER BY valid_from DESC LIMIT 1",
              Map.of("fid", (long) fid),
              rs -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("fid", rs.getLong("fid"));
                a.put("apCode", rs.getString("ap_code"));
                a.put("ssid", rs.getString("ssid"));
                a.put("band", rs.getString("band"));
                return a;
              });
      l.put("servingAccessPoint", ap.isEmpty() ? null : ap.get(0));
      return l;
    }
    List<Map<String, Object>> sector =
        tx.query(
            "SELECT fid, site_code, sector_no, azimuth_deg::float8 AS azimuth FROM antenna_sector"
                + " WHERE fid = :fid ORDER BY valid_from DESC LIMIT 1",
            Map.of("fid", (long) fid),
            rs -> {
              Map<String, Object> s = new LinkedHashMap<>();
              s.put("fid", rs.getLong("fid"));
              s.put("siteCode", rs.getString("site_code"));
              s.put("sectorNo", rs.getInt("sector_no"));
              s.put("azimuthDeg", rs.getDouble("azimuth"));
              return s;
            });
    l.put("servingSector", sector.isEmpty() ? null : sector.get(0));
    return l;
  }

  private static double number(String name, String text) {
    try {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw bad(name + " must be a number");
  }

  private static ResponseStatusException bad(String detail) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
  }
}
