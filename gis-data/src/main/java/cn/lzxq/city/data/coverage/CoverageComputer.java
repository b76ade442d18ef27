package cn.lzxq.city.data.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Best-server RSRP and SINR per operator and band over a window of the coverage grid, in memory and
 * in parallel. Sectors are grouped by antenna position (cell and elevation); each group computes
 * its horizon once ({@link Horizon}), then visits every cell within {@link
 * CoverageSettings#radiusM} once: the geometry and the line of sight of the cell, the path gain of
 * each of the group's frequencies ({@link Propagation.Band}), then each sector's pattern ({@link
 * SectorPattern}) and received power ({@link LinkBudget}). Powers are summed in milliwatts: each
 * worker thread keeps its own arrays per layer (best received power, its sector, the total), merged
 * at the end; RSRP is the best in dBm and SINR = best / (load × (total − best) + noise).
 *
 * <p>Line of sight is decided against the ground heights and, when given, the buildings standing on
 * them (then a clear path is LOS); with ground but no buildings a clear path is LOS with the
 * model's probability; without ground every path is ({@link Propagation.Sight}).
 *
 * <p>The antenna stands at the grid's ground under it plus its height above ground (so antenna and
 * terrain agree), or at its stored elevation when there is no ground; the receiver at ground plus
 * {@link CoverageSettings#receiverHeightM}; the base-station height of the path-loss model is the
 * antenna's height above the receiver's ground.
 */
public final class CoverageComputer {

  private final CoverageGrid grid;
  private final float[] ground;
  private final float[] surface;
  private final Propagation.Sight clearSight;
  private final Map<String, Carrier> carriers;
  private final CoverageSettings settings;
  private final int threads;

  /**
   * @param grid the grid
   * @param ground heights of the grid cells, metres, row-major (null: flat ground, no line of sight
   *     decided)
   * @param buildings height of the buildings standing on each cell above its ground, metres,
   *     row-major, 0 where none (null: buildings not modelled; ignored without ground)
   * @param carriers the carrier of each band
   * @param settings run settings
   * @param threads worker threads
   */
  public CoverageComputer(
      CoverageGrid grid,
      float[] ground,
      float[] buildings,
      Map<String, Carrier> carriers,
      CoverageSettings settings,
      int threads) {
    this.grid = grid;
    this.ground = settings.terrain() ? ground : null;
    this.surface =
        this.ground == null || buildings == null ? this.ground : plus(this.ground, buildings);
    this.clearSight =
        this.ground != null && buildings != null
            ? Propagation.Sight.CLEAR
            : Propagation.Sight.PROBABLE;
    this.carriers = carriers;
    this.settings = settings;
    this.threads = Math.max(1, threads);
  }

  private static float[] plus(float[] ground, float[] buildings) {
    float[] out = new float[ground.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ground[i] + buildings[i];
    }
    return out;
  }

  /**
   * The coverage layers over {@code region} from {@code sectors} (those beyond the radius of the
   * region add nothing); {@code cancelled} is polled between antenna groups.
   *
   * @throws IllegalArgumentException when a sector's band has no carrier
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public Map<CoverageSector.LayerKey, CoverageLayer> compute(
      CoverageGrid.Window region, List<CoverageSector> sectors, BooleanSupplier cancelled)
      throws InterruptedException {
    for (CoverageSector s : sectors) {
      if (!carriers.containsKey(s.band())) {
        throw new IllegalArgumentException(
            "no carrier (coverage_carrier) for band " + s.band() + " of sector " + s.fid());
      }
    }
    List<List<CoverageSector>> groups = groups(sectors);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<CoverageSector.LayerKey, Sum>>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(
            pool.submit(
                () -> {
                  Map<CoverageSector.LayerKey, Sum> sums = new HashMap<>();
                  Horizon horizon = new Horizon(radiusCells(), grid.cellM());
                  for (int g = next.getAndIncrement();
                      g < groups.size();
                      g = next.getAndIncrement()) {
                    if (cancelled.getAsBoolean()) {
                      throw new java.util.concurrent.CancellationException();
                    }
                    group(groups.get(g), region, horizon, sums);
                  }
                  return sums;
                }));
      }
      Map<CoverageSector.LayerKey, Sum> total = new TreeMap<>();
      for (Future<Map<CoverageSector.LayerKey, Sum>> f : parts) {
        for (Map.Entry<CoverageSector.LayerKey, Sum> e : f.get().entrySet()) {
          total.merge(e.getKey(), e.getValue(), Sum::merge);
        }
      }
      Map<CoverageSector.LayerKey, CoverageLayer> out = new LinkedHashMap<>();
      total.forEach((k, sum) -> out.put(k, sum.layer(k, region, settings.load(), noiseDbm(k))));
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private double noiseDbm(CoverageSector.LayerKey k) {
    return carriers.get(k.band()).noisePerResourceElementDbm();
  }

  private int radiusCells() {
    return (int) Math.ceil(settings.radiusM() / grid.cellM());
  }

  /**
   * Sectors grouped by site, antenna cell and elevation: a tenant's sectors on a tower share a
   * horizon and the path loss.
   */
  private List<List<CoverageSector>> groups(List<CoverageSector> sectors) {
    Map<String, List<CoverageSector>> byAntenna = new LinkedHashMap<>();
    for (CoverageSector s : sectors) {
      String key =
          s.siteCode()
              + "/"
              + grid.col(s.x())
              + "/"
              + grid.row(s.y())
              + "/"
              + Math.round(antennaM(s) * 10);
      byAntenna.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    return List.copyOf(byAntenna.values());
  }

  /** The antenna's elevation (see the class comment), metres. */
  private double antennaM(CoverageSector s) {
    double g = grid.heightAt(ground, grid.col(s.x()), grid.row(s.y()));
    return Double.isNaN(g) ? s.elevationM() : g + s.heightM();
  }

  private void group(
      List<CoverageSector> sectors,
      CoverageGrid.Window region,
      Horizon horizon,
      Map<CoverageSector.LayerKey, Sum> sums) {
    CoverageSector first = sectors.get(0);
    int ac = grid.col(first.x());
    int ar = grid.row(first.y());
    double za = antennaM(first);
    int r = horizon.radius();
    if (ac + r < region.col0()
        || ac - r >= region.col0() + region.cols()
        || ar + r < region.row0()
        || ar - r >= region.row0() + region.rows()) {
      return;
    }
    if (surface != null) {
      horizon.compute(surface, grid, ac, ar, za);
    }
    Map<Double, Integer> bandIndex = new LinkedHashMap<>();
    for (CoverageSector s : sectors) {
      bandIndex.putIfAbsent(s.frequencyMhz(), bandIndex.size());
    }
    Propagation.Band[] bands = new Propagation.Band[bandIndex.size()];
    bandIndex.forEach((f, i) -> bands[i] = new Propagation.Band(f, settings.receiverHeightM()));
    Beam[] beams = new Beam[sectors.size()];
    double ax = 0;
    double ay = 0;
    for (int i = 0; i < beams.length; i++) {
      CoverageSector s = sectors.get(i);
      beams[i] =
          new Beam(
              s,
              bandIndex.get(s.frequencyMhz()),
              s.eirpDbm() - carriers.get(s.band()).perResourceElementDb(),
              sums.computeIfAbsent(s.layer(), k -> new Sum(region.size())));
      ax += s.x() / beams.length;
      ay += s.y() / beams.length;
    }
    cells(new Antenna(ax, ay, ac, ar, za, za - first.heightM()), bands, beams, region, horizon);
  }

  /**
   * Where a group's antennas stand: mean position (native metres), cell, elevation and the ground
   * under them (metres).
   */
  private record Antenna(double x, double y, int col, int row, double z, double ground) {}

  /** Adds the power of a group's beams to every cell of the region within the radius. */
  private void cells(
      Antenna a,
      Propagation.Band[] bands,
      Beam[] beams,
      CoverageGrid.Window region,
      Horizon horizon) {
    double[] gains = new double[bands.length];
    double hut = settings.receiverHeightM();
    double radius2 = settings.radiusM() * settings.radiusM();
    int r = horizon.radius();
    int rowHi = Math.min(region.row0() + region.rows() - 1, a.row() + r);
    int colHi = Math.min(region.col0() + region.cols() - 1, a.col() + r);
    for (int row = Math.max(region.row0(), a.row() - r); row <= rowHi; row++) {
      double dy = grid.y(row) - a.y();
      for (int col = Math.max(region.col0(), a.col() - r); col <= colHi; col++) {
        double dx = grid.x(col) - a.x();
        if (dx * dx + dy * dy > radius2) {
          continue;
        }
        double g = grid.heightAt(ground, col, row);
        if (Double.isNaN(g)) {
          g = a.ground();
        }
        double rise = a.z() - g - hut;
        Propagation.Sight sight = clearSight;
        if (surface != null && (col != a.col() || row != a.row())) {
          double tangent = -rise * horizon.inverseRun(col - a.col(), row - a.row());
          if (tangent < horizon.at(col - a.col(), row - a.row())) {
            sight = Propagation.Sight.BLOCKED;
          }
        }
        double d2 = Math.sqrt(dx * dx + dy * dy);
        for (int b = 0; b < bands.length; b++) {
          gains[b] = bands[b].gain(d2, a.z() - g, sight);
        }
        int cell = (row - region.row0()) * region.cols() + col - region.col0();
        for (Beam beam : beams) {
          beam.add(cell, grid.x(col), grid.y(row), rise, gains[beam.band]);
        }
      }
    }
  }

  /**
   * One sector of a group as the cell loop uses it: its direction terms worked out once, its power
   * per resource element at boresight in milliwatts, its band and its layer's sums. The sectors of
   * a group share the path loss, taken from their mean position (a tower's sectors stand within a
   * metre or so of it); each has its own pattern from its own position.
   */
  private static final class Beam {
    final CoverageSector sector;
    final int band;
    final double eirpReMw;
    final Sum sum;
    final double sinAz;
    final double cosAz;
    final double cosTilt;
    final double sinTilt;
    final int fid;

    Beam(CoverageSector sector, int band, double eirpReDbm, Sum sum) {
      this.sector = sector;
      this.band = band;
      this.eirpReMw = LinkBudget.mw(eirpReDbm);
      this.sum = sum;
      this.sinAz = Math.sin(Math.toRadians(sector.azimuthDeg()));
      this.cosAz = Math.cos(Math.toRadians(sector.azimuthDeg()));
      double tilt = Math.toRadians(sector.pattern().mechTiltDeg());
      this.cosTilt = Math.cos(tilt);
      this.sinTilt = Math.sin(tilt);
      this.fid = Math.toIntExact(sector.fid());
    }

    /** Adds the power received in a cell (centre x, y; antenna {@code rise} m above receiver). */
    void add(int cell, double x, double y, double rise, double pathGain) {
      double dx = x - sector.x();
      double dy = y - sector.y();
      double d3 = Math.sqrt(dx * dx + dy * dy + rise * rise);
      double pattern =
          d3 == 0
              ? 0
              : sector
                  .pattern()
                  .relativeGainDb(
                      (dx * sinAz + dy * cosAz) / d3,
                      (dx * cosAz - dy * sinAz) / d3,
                      rise / d3,
                      cosTilt,
                      sinTilt);
      sum.add(cell, eirpReMw * pathGain * LinkBudget.mw(pattern), fid);
    }
  }

  /** One thread's running best server and total power of one layer, milliwatts. */
  private static final class Sum {
    final double[] bestMw;
    final int[] server;
    final double[] totalMw;

    Sum(int cells) {
      bestMw = new double[cells];
      server = new int[cells];
      totalMw = new double[cells];
    }

    void add(int i, double mw, int fid) {
      totalMw[i] += mw;
      if (mw > bestMw[i]) {
        bestMw[i] = mw;
        server[i] = fid;
      }
    }

    Sum merge(Sum o) {
      for (int i = 0; i < bestMw.length; i++) {
        totalMw[i] += o.totalMw[i];
        if (o.bestMw[i] > bestMw[i]) {
          bestMw[i] = o.bestMw[i];
          server[i] = o.server[i];
        }
      }
      return this;
    }

    CoverageLayer layer(
        CoverageSector.LayerKey key, CoverageGrid.Window w, double load, double noiseDbm) {
      float[] rsrp = new float[bestMw.length];
      float[] sinr = new float[bestMw.length];
      for (int i = 0; i < bestMw.length; i++) {
        if (server[i] == 0) {
          rsrp[i] = Float.NaN;
          sinr[i] = Float.NaN;
        } else {
          double best = LinkBudget.dbm(bestMw[i]);
          rsrp[i] = (float) best;
          sinr[i] =
              (float) LinkBudget.sinrDb(best, Math.max(0, totalMw[i] - bestMw[i]), load, noiseDbm);
        }
      }
      return new CoverageLayer(key, w, rsrp, sinr, server);
    }
  }
}
