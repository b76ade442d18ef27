package cn.lzxq.city.data.coverage;

/**
 * Statistics of one coverage layer over a set of cells.
 *
 * @param operator operator code
 * @param band band name
 * @param cells cells counted
 * @param reached cells some sector reaches (within the radius)
 * @param thresholdDbm the RSRP (WLAN: RSSI) a cell needs to count as covered, dBm
 * @param covered cells with RSRP at or above the threshold
 * @param coveredShare covered / cells (0–1; 0 for no cells)
 * @param meanRsrpDbm mean RSRP of the reached cells, dBm (the mean of dBm values; NaN if none)
 * @param meanSinrDb mean SINR of the reached cells, dB (NaN if none)
 */
public record CoverageStatistics(
    String operator,
    String band,
    long cells,
    long reached,
    double thresholdDbm,
    long covered,
    double coveredShare,
    double meanRsrpDbm,
    double meanSinrDb) {

  /**
   * The RSRP a cell needs to be covered by default: −110 dBm (the usual 5G edge-coverage level).
   */
  public static final double DEFAULT_THRESHOLD_DBM = -110;

  /** The RSSI a cell needs to be covered by public WLAN by default: −75 dBm. */
  public static final double DEFAULT_WLAN_THRESHOLD_DBM = -75;

  /** The statistics of a computed layer at its default threshold (cellular or WLAN). */
  public static CoverageStatistics of(CoverageLayer layer) {
    Counter c =
        new Counter(layer.key().wlan() ? DEFAULT_WLAN_THRESHOLD_DBM : DEFAULT_THRESHOLD_DBM);
    for (int i = 0; i < layer.rsrpDbm().length; i++) {
      c.add(layer.rsrpDbm()[i], layer.sinrDb()[i]);
    }
    return c.result(layer.key());
  }

  /** Counts cells one at a time. */
  public static final class Counter {
    private final double threshold;
    private long cells;
    private long reached;
    private long covered;
    private double rsrp;
    private double sinr;

    /**
     * @param thresholdDbm the RSRP a cell needs to be covered, dBm
     */
    public Counter(double thresholdDbm) {
      this.threshold = thresholdDbm;
    }

    /** Adds one cell (NaN: no sector reaches it). */
    public void add(float rsrpDbm, float sinrDb) {
      cells++;
      if (!Float.isNaN(rsrpDbm)) {
        reached++;
        rsrp += rsrpDbm;
        sinr += sinrDb;
        if (rsrpDbm >= threshold) {
          covered++;
        }
      }
    }

    public CoverageStatistics result(CoverageSector.LayerKey key) {
      return new CoverageStatistics(
          key.operator(),
          key.band(),
          cells,
          reached,
          threshold,
          covered,
          cells == 0 ? 0 : covered / (double) cells,
          reached == 0 ? Double.NaN : rsrp / reached,
          reached == 0 ? Double.NaN : sinr / reached);
    }
  }
}
