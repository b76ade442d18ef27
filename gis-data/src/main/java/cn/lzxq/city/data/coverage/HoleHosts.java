package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.tower.Check;
import cn.lzxq.city.data.analysis.tower.ColocationRequest;
import cn.lzxq.city.data.analysis.tower.ColocationResult;
import cn.lzxq.city.data.analysis.tower.PowerTowerHosts;
import cn.lzxq.city.data.analysis.tower.TowerCandidate;
import cn.lzxq.city.data.analysis.tower.TowerColocation;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.ValidTime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Co-construction for a cellular coverage hole: the existing towers the co-location analysis
 * ({@link TowerColocation}, site_rule) finds around the hole's interior point for the hole's
 * operator, and the power towers within the same search radius ({@link PowerTowerHosts}), ranked:
 * those that can host first, each group by the hole area (m²) a typical new sector on them would
 * cover — the disc of its NLOS boresight reach ({@link CoverageReach}; the operator's median EIRP
 * and frequency on the band, {@value #NEW_ANTENNA_M} m up) intersected with the hole — then by
 * distance. A telecom tower or street-light pole (灯杆) shorter than {@value #NEW_ANTENNA_M} m, which
 * fails the co-location analysis on its height alone, is judged again with the antenna at its top,
 * and covers with the reach from there.
 */
public final class HoleHosts {

  /** Antenna height asked of a host tower for the new sector, metres. */
  public static final double NEW_ANTENNA_M = 25;

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private HoleHosts() {}

  /** Layer of a base station (telecom tower). */
  public static final String BASE_STATION = "base_station";

  /** Layer of a power tower. */
  public static final String POWER_TOWER = "power_tower";

  /**
   * A ranked tower (for a WLAN hole: a mount of a new access point, {@link WlanHoleHosts}).
   *
   * @param rank 1 for the tower that can host and covers most of the hole
   * @param layer {@value #BASE_STATION} or {@value #POWER_TOWER}; for a WLAN hole also {@value
   *     WlanHoleHosts#BUILDING} or {@value WlanHoleHosts#ACCESS_POINT}
   * @param candidate the verdict on the tower (site code = tower code for a power tower; for a WLAN
   *     mount the building or access point code, its type 建筑外墙 or 热点杆, the height it offers, its
   *     mount point as the geometry)
   * @param coveredAreaM2 hole area within the new sector's reach from the tower, m²
   * @param reachM the typical new sector's reach from there, metres
   * @param antennaHeightM the new antenna's height: {@value #NEW_ANTENNA_M} m, or the top of a
   *     shorter tower or street-light pole (灯杆) that fails on its height alone (WLAN: {@value
   *     WlanHoleHosts#NEW_AP_M} m or the top of a lower mount), metres
   */
  public record Host(
      int rank,
      String layer,
      TowerCandidate candidate,
      double coveredAreaM2,
      double reachM,
      double antennaHeightM) {}

  /**
   * The ranked towers of a hole of a cellular layer; for a hole of the WLAN layer the ranked mounts
   * of a new access point ({@link WlanHoleHosts}: poles, towers, building walls, access point
   * poles).
   *
   * @param settings the grid's settings (receiver height, noise figure)
   */
  public static List<Host> rank(
      Session s, ResolvedScope now, CoverageKpi.Hole h, CoverageSettings settings)
      throws SQLException {
    if (new CoverageSector.LayerKey(h.operator(), h.band()).wlan()) {
      return WlanHoleHosts.rank(s, now, h, settings);
    }
    Typical typical = typical(s, h, settings);
    Point at = h.polygon().getInteriorPoint();
    ColocationResult colocation = colocate(s, now, h, typical, at, NEW_ANTENNA_M);
    List<Host> found = new ArrayList<>();
    for (TowerCandidate c : colocation.candidates()) {
      double[] xy =
          s.query(
                  "SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM base_station"
                      + " WHERE site_code = :c AND "
                      + ValidTime.now(""),
                  Map.of("c", c.siteCode()),
                  row -> new double[] {row.dbl("x"), row.dbl("y")})
              .get(0);
      double mount = NEW_ANTENNA_M;
      TowerCandidate judged = c;
      if (failsOnlyOnHeight(c)) {
        // a shorter tower or a street-light pole offers its top instead
        mount = c.towerHeightM();
        judged =
            colocate(s, now, h, typical, at, mount).candidates().stream()
                .filter(x -> x.siteCode().equals(c.siteCode()))
                .findFirst()
                .orElse(c);
      }
      double reach = typical.reachM(mount);
      found.add(new Host(0, BASE_STATION, judged, covered(h, xy[0], xy[1], reach), reach, mount));
    }
    byte[] site = GeometryInput.point(s, at.getX(), at.getY(), CrsRef.epsg(s.nativeSrid())).ewkb();
    double reach = typical.reachM(NEW_ANTENNA_M);
    for (PowerTowerHosts.Found p :
        PowerTowerHosts.near(s, site, colocation.searchRadiusM(), NEW_ANTENNA_M, now)) {
      found.add(
          new Host(
              0,
              POWER_TOWER,
              p.candidate(),
              covered(h, p.x(), p.y(), reach),
              reach,
              NEW_ANTENNA_M));
    }
    return ranked(found);
  }

  /**
   * The hosts in rank order, numbered from 1: those that can host first, then by hole area covered
   * (largest first), distance and site code.
   */
  static List<Host> ranked(List<Host> found) {
    List<Host> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparing((Host x) -> !x.candidate().canHost())
            .thenComparingDouble(x -> -x.coveredAreaM2())
            .thenComparingDouble(x -> x.candidate().distanceM())
            .thenComparing(x -> x.candidate().siteCode()));
    List<Host> out = new ArrayList<>();
    for (Host x : sorted) {
      out.add(
          new Host(
              out.size() + 1,
              x.layer(),
              x.candidate(),
              x.coveredAreaM2(),
              x.reachM(),
              x.antennaHeightM()));
    }
    return out;
  }

  private static boolean failsOnlyOnHeight(TowerCandidate c) {
    return c.checks().stream()
        .filter(x -> !x.ok())
        .map(Check::name)
        .toList()
        .equals(List.of("height"));
  }

  private static ColocationResult colocate(
      Session s, ResolvedScope now, CoverageKpi.Hole h, Typical typical, Point at, double mount)
      throws SQLException {
    return TowerColocation.run(
        s,
        new ColocationRequest(
            at.getX(),
            at.getY(),
            CrsRef.epsg(s.nativeSrid()),
            h.operator(),
            mount,
            h.band(),
            typical.frequencyMhz(),
            typical.eirpDbm(),
            null),
        now);
  }

  /**
   * The operator's typical new sector on the band: median EIRP (dBm) and frequency (MHz), its
   * carrier, and what its reach is measured against.
   */
  private record Typical(
      double eirpDbm,
      double frequencyMhz,
      Carrier carrier,
      double receiverHeightM,
      double thresholdDbm) {

    /** The NLOS boresight reach of the sector mounted {@code antennaHeightM} up, metres. */
    double reachM(double antennaHeightM) {
      return CoverageReach.metres(
          eirpDbm, carrier, frequencyMhz, antennaHeightM, receiverHeightM, thresholdDbm);
    }
  }

  private static Typical typical(Session s, CoverageKpi.Hole h, CoverageSettings settings)
      throws SQLException {
    double[] typical =
        s.query(
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY eirp_dbm) AS eirp,"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY frequency_mhz) AS f,"
                    + " (SELECT bandwidth_mhz::float8 FROM coverage_carrier WHERE band = :b) AS bw,"
                    + " (SELECT subcarrier_khz::float8 FROM coverage_carrier WHERE band = :b) AS scs,"
                    + " (SELECT resource_blocks FROM coverage_carrier WHERE band = :b) AS rb"
                    + " FROM antenna_sector WHERE "
                    + ValidTime.now("")
                    + " AND operator = :o AND band = :b",
                Map.of("o", h.operator(), "b", h.band()),
                r ->
                    new double[] {
                      r.dbl("eirp"), r.dbl("f"), r.dbl("bw"), r.dbl("scs"), r.dbl("rb")
                    })
            .get(0);
    return new Typical(
        typical[0],
        typical[1],
        new Carrier(typical[2], typical[3], (int) typical[4], settings.noiseFigureDb()),
        settings.receiverHeightM(),
        h.thresholdDbm());
  }

  /** The hole's area within {@code reachM} of (x, y), m² (a disc of 32 segments a quadrant). */
  static double covered(CoverageKpi.Hole h, double x, double y, double reachM) {
    Geometry disc = FACTORY.createPoint(new Coordinate(x, y)).buffer(reachM, 32);
    return h.polygon().intersection(disc).getArea();
  }
}
