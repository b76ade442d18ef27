package cn.lzxq.city.data.coverage;

/**
 * A transmitting sector as the coverage grid reads it (a current, in-use {@code antenna_sector}).
 *
 * @param fid feature id of the sector
 * @param siteCode the site
 * @param operator operator code (CMCC, CTCC, CUCC, CBN, …)
 * @param band band name (n41, n78, …): with the operator, the coverage layer it belongs to
 * @param frequencyMhz carrier frequency, MHz
 * @param x easting in the native CRS, metres
 * @param y northing in the native CRS, metres
 * @param elevationM stored antenna elevation (1985 datum), metres
 * @param heightM antenna height above its ground, metres
 * @param azimuthDeg boresight azimuth clockwise from grid north, degrees
 * @param pattern the antenna pattern with its tilts
 * @param eirpDbm EIRP at boresight, dBm
 */
public record CoverageSector(
    long fid,
    String siteCode,
    String operator,
    String band,
    double frequencyMhz,
    double x,
    double y,
    double elevationM,
    double heightM,
    double azimuthDeg,
    SectorPattern pattern,
    double eirpDbm) {

  /** The coverage layer key: operator and band. */
  public LayerKey layer() {
    return new LayerKey(operator, band);
  }

  /**
   * One coverage layer: the best server of one operator on one band.
   *
   * @param operator operator code
   * @param band band name
   */
  public record LayerKey(String operator, String band) implements Comparable<LayerKey> {

    /**
     * The public WLAN layer ({@link WlanCoverage}): the best access point of any operator and band,
     * stored under operator {@code WLAN} and band {@code ""}.
     */
    public static final LayerKey WLAN = new LayerKey("WLAN", "");

    /** True for the WLAN layer (RSSI and SNR of access points, not RSRP and SINR of sectors). */
    public boolean wlan() {
      return equals(WLAN);
    }

    /**
     * The layer's name in the catalog: {@code coverage_<operator>_<band>}, lower case ({@code
     * coverage_wlan} for the WLAN layer).
     */
    public String layerName() {
      return ("coverage_" + operator + (band.isEmpty() ? "" : "_" + band))
          .toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int compareTo(LayerKey o) {
      int c = operator.compareTo(o.operator);
      return c != 0 ? c : band.compareTo(o.band);
    }
  }
}
