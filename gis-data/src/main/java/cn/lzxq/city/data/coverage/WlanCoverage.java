package cn.lzxq.city.data.coverage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WLAN coverage layer ({@link CoverageSector.LayerKey#WLAN}, catalog name {@code
 * coverage_wlan}) over a window of the coverage grid: for every cell the best RSSI of any access
 * point (dBm over the whole channel: EIRP − {@link WlanPathLoss}, omnidirectional, an indoor access
 * point's building entry loss taken off) and its SNR (RSSI − the channel's noise, {@link
 * WlanChannel#noiseDbm}). Co-channel interference is not modelled: a public network plans its
 * channels so that neighbours differ (1/6/11 at 2.4 GHz).
 *
 * <p>The receiver stands {@link CoverageSettings#receiverHeightM} above the ground of its cell, the
 * access point its mount height above the ground of its own cell (both on flat ground without a
 * DEM). An access point reaches {@value #RADIUS_M} m: beyond it even the 36 dBm the table allows
 * arrives below −90 dBm.
 */
public final class WlanCoverage {

  /** How far from an access point its signal is computed, metres. */
  public static final double RADIUS_M = 500;

  private final CoverageGrid grid;
  private final float[] ground;
  private final Map<String, WlanChannel> channels;
  private final CoverageSettings settings;

  /**
   * @param grid the grid
   * @param ground heights of the grid cells, metres, row-major (null: flat ground)
   * @param channels the channel of each band
   * @param settings run settings (receiver height, noise figure, terrain)
   */
  public WlanCoverage(
      CoverageGrid grid,
      float[] ground,
      Map<String, WlanChannel> channels,
      CoverageSettings settings) {
    this.grid = grid;
    this.ground = settings.terrain() ? ground : null;
    this.channels = channels;
    this.settings = settings;
  }

  /**
   * The WLAN layer over {@code region}, or an empty map without access points.
   *
   * @throws IllegalArgumentException when an access point's band has no channel
   */
  public Map<CoverageSector.LayerKey, CoverageLayer> compute(
      CoverageGrid.Window region, List<AccessPoint> accessPoints) {
    if (accessPoints.isEmpty()) {
      return Map.of();
    }
    double[] bestMw = new double[region.size()];
    double[] noiseDbm = new double[region.size()];
    int[] server = new int[region.size()];
    Map<String, WlanPathLoss> losses = new HashMap<>();
    for (AccessPoint ap : accessPoints) {
      WlanChannel ch = channels.get(ap.band());
      if (ch == null) {
        throw new IllegalArgumentException(
            "no channel (wlan_band) for band " + ap.band() + " of access point " + ap.fid());
      }
      WlanPathLoss loss =
          losses.computeIfAbsent(ap.band(), b -> new WlanPathLoss(ch.frequencyMhz()));
      double eirp = ap.eirpDbm() - (ap.indoor() ? ch.indoorLossDb() : 0);
      add(ap, eirp, loss, ch.noiseDbm(settings.noiseFigureDb()), region, bestMw, noiseDbm, server);
    }
    float[] rssi = new float[region.size()];
    float[] snr = new float[region.size()];
    Arrays.fill(rssi, Float.NaN);
    Arrays.fill(snr, Float.NaN);
    for (int i = 0; i < rssi.length; i++) {
      if (server[i] != 0) {
        double dbm = LinkBudget.dbm(bestMw[i]);
        rssi[i] = (float) dbm;
        snr[i] = (float) (dbm - noiseDbm[i]);
      }
    }
    CoverageSector.LayerKey k = CoverageSector.LayerKey.WLAN;
    return Map.of(k, new CoverageLayer(k, region, rssi, snr, server));
  }

  private void add(
      AccessPoint ap,
      double eirpDbm,
      WlanPathLoss loss,
      double noise,
      CoverageGrid.Window region,
      double[] bestMw,
      double[] noiseDbm,
      int[] server) {
    int ac = grid.col(ap.x());
    int ar = grid.row(ap.y());
    double apGround = grid.heightAt(ground, ac, ar);
    int r = (int) Math.ceil(RADIUS_M / grid.cellM());
    int rowHi = Math.min(region.row0() + region.rows() - 1, ar + r);
    int colHi = Math.min(region.col0() + region.cols() - 1, ac + r);
    int fid = Math.toIntExact(ap.fid());
    for (int row = Math.max(region.row0(), ar - r); row <= rowHi; row++) {
      double dy = grid.y(row) - ap.y();
      for (int col = Math.max(region.col0(), ac - r); col <= colHi; col++) {
        double dx = grid.x(col) - ap.x();
        double d2 = dx * dx + dy * dy;
        if (d2 > RADIUS_M * RADIUS_M) {
          continue;
        }
        // off the grid or without data, either end stands on the other's ground
        double g = grid.heightAt(ground, col, row);
        double a = Double.isNaN(apGround) ? g : apGround;
        g = Double.isNaN(g) ? a : g;
        double rise =
            Double.isNaN(a)
                ? ap.mountHeightM() - settings.receiverHeightM()
                : a + ap.mountHeightM() - g - settings.receiverHeightM();
        double d3 = Math.sqrt(d2 + rise * rise);
        if (d3 > WlanPathLoss.MAX_DISTANCE_M) {
          continue;
        }
        double mw = LinkBudget.mw(eirpDbm - loss.lossDb(d3));
        int cell = (row - region.row0()) * region.cols() + col - region.col0();
        if (mw > bestMw[cell]) {
          bestMw[cell] = mw;
          noiseDbm[cell] = noise;
          server[cell] = fid;
        }
      }
    }
  }
}
