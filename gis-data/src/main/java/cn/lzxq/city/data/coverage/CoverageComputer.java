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
 * its terrain horizon once ({@link Horizon}), then each of its sectors adds its RSRP ({@link
 * LinkBudget}, {@link Propagation}, {@link SectorPattern}) to every cell within {@link
 * CoverageSettings#radiusM}. Each worker thread sums into its own arrays (best RSRP, its sector,
 * the total received power), merged at the end; SINR = best / (load × (total − best) + noise).
 *
 * <p>The antenna stands at the grid's ground under it plus its height above ground (so antenna and
 * terrain agree), or at its stored elevation when there is no ground; the receiver at ground plus
 * {@link CoverageSettings#receiverHeightM}; the base-station height of the path-loss model is the
 * antenna's height above the receiver's ground.
 */
public final class CoverageComputer {

  private final CoverageGrid grid;
  private final float[] ground;
  private final Map<String, Carrier> carriers;
  private final CoverageSettings settings;
  private final int threads;

  /**
   * @param grid the grid
   * @param ground heights of the grid cells, metres, row-major (null: flat ground, no terrain line
   *     of sight)
   * @param carriers the carrier of each band
   * @param settings run settings
   * @param threads worker threads
   */
  public CoverageComputer(
      CoverageGrid grid,
      float[] ground,
      Map<String, Carrier> carriers,
      CoverageSettings settings,
      int threads) {
    this.grid = grid;
    this.ground = settings.terrain() ? ground : null;
    this.carriers = carriers;
    this.settings = settings;
    this.threads = Math.max(1, threads);
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
                  Horizon horizon = new Horizon(radiusCells());
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

  /** Sectors grouped by antenna cell and elevation (a tenant's sectors share a horizon). */
  private List<List<CoverageSector>> groups(List<CoverageSector> sectors) {
    Map<String, List<CoverageSector>> byAntenna = new LinkedHashMap<>();
    for (CoverageSector s : sectors) {
      String key = grid.col(s.x()) + "/" + grid.row(s.y()) + "/" + Math.round(antennaM(s) * 10);
      byAntenna.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    return List.copyOf(byAntenna.values());
  }

  /** Ground height of a cell, metres (0 without ground; NaN off the grid or without data). */
  private double groundAt(int col, int row) {
    if (ground == null) {
      return 0;
    }
    if (col < 0 || row < 0 || col >= grid.width() || row >= grid.height()) {
      return Double.NaN;
    }
    return ground[row * grid.width() + col];
  }

  /** The antenna's elevation (see the class comment), metres. */
  private double antennaM(CoverageSector s) {
    double g = groundAt(grid.col(s.x()), grid.row(s.y()));
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
    double siteGround = za - first.heightM();
    int r = horizon.radius();
    if (ac + r < region.col0()
        || ac - r >= region.col0() + region.cols()
        || ar + r < region.row0()
        || ar - r >= region.row0() + region.rows()) {
      return;
    }
    if (ground != null) {
      horizon.compute(ground, grid, ac, ar, za);
    }
    for (CoverageSector s : sectors) {
      Sum sum = sums.computeIfAbsent(s.layer(), k -> new Sum(region.size()));
      sector(s, ac, ar, za, siteGround, region, horizon, sum);
    }
  }

  private void sector(
      CoverageSector s,
      int ac,
      int ar,
      double za,
      double siteGround,
      CoverageGrid.Window region,
      Horizon horizon,
      Sum sum) {
    double hut = settings.receiverHeightM();
    double radius = settings.radiusM();
    double eirpRe = s.eirpDbm() - carriers.get(s.band()).perResourceElementDb();
    double sinAz = Math.sin(Math.toRadians(s.azimuthDeg()));
    double cosAz = Math.cos(Math.toRadians(s.azimuthDeg()));
    double tilt = Math.toRadians(s.pattern().mechTiltDeg());
    double cosT = Math.cos(tilt);
    double sinT = Math.sin(tilt);
    int fid = Math.toIntExact(s.fid());
    int r = horizon.radius();
    int rowLo = Math.max(region.row0(), ar - r);
    int rowHi = Math.min(region.row0() + region.rows() - 1, ar + r);
    int colLo = Math.max(region.col0(), ac - r);
    int colHi = Math.min(region.col0() + region.cols() - 1, ac + r);
    for (int row = rowLo; row <= rowHi; row++) {
      double dy = grid.y(row) - s.y();
      for (int col = colLo; col <= colHi; col++) {
        double dx = grid.x(col) - s.x();
        double d2 = Math.sqrt(dx * dx + dy * dy);
        if (d2 > radius) {
          continue;
        }
        double g = groundAt(col, row);
        if (Double.isNaN(g)) {
          g = siteGround;
        }
        double rise = za - g - hut;
        boolean clear = true;
        if (ground != null && (col != ac || row != ar)) {
          double tangent = -rise / (Math.hypot(col - ac, row - ar) * grid.cellM());
          clear = tangent >= horizon.at(col - ac, row - ar);
        }
        double pl = Propagation.pathLossDb(s.frequencyMhz(), d2, za - g, hut, clear);
        double d3 = Math.sqrt(d2 * d2 + rise * rise);
        double pattern =
            d3 == 0
                ? 0
                : s.pattern()
                    .relativeGainDb(
                        (dx * sinAz + dy * cosAz) / d3,
                        (dx * cosAz - dy * sinAz) / d3,
                        rise / d3,
                        cosT,
                        sinT);
        sum.add(
            (row - region.row0()) * region.cols() + col - region.col0(),
            eirpRe - pl + pattern,
            fid);
      }
    }
  }

  /** One thread's running best server and total power of one layer. */
  private static final class Sum {
    final float[] best;
    final int[] server;
    final double[] totalMw;

    Sum(int cells) {
      best = new float[cells];
      java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
      server = new int[cells];
      totalMw = new double[cells];
    }

    void add(int i, double rsrpDbm, int fid) {
      totalMw[i] += LinkBudget.mw(rsrpDbm);
      if (rsrpDbm > best[i]) {
        best[i] = (float) rsrpDbm;
        server[i] = fid;
      }
    }

    Sum merge(Sum o) {
      for (int i = 0; i < best.length; i++) {
        totalMw[i] += o.totalMw[i];
        if (o.best[i] > best[i]) {
          best[i] = o.best[i];
          server[i] = o.server[i];
        }
      }
      return this;
    }

    CoverageLayer layer(
        CoverageSector.LayerKey key, CoverageGrid.Window w, double load, double noiseDbm) {
      float[] rsrp = new float[best.length];
      float[] sinr = new float[best.length];
      for (int i = 0; i < best.length; i++) {
        if (best[i] == Float.NEGATIVE_INFINITY) {
          rsrp[i] = Float.NaN;
          sinr[i] = Float.NaN;
        } else {
          double others = Math.max(0, totalMw[i] - LinkBudget.mw(best[i]));
          rsrp[i] = best[i];
          sinr[i] = (float) LinkBudget.sinrDb(best[i], others, load, noiseDbm);
        }
      }
      return new CoverageLayer(key, w, rsrp, sinr, server);
    }
  }
}
