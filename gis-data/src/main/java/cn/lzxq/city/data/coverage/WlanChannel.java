package cn.lzxq.city.data.coverage;

/**
 * A WLAN band as coverage computes it (a row of {@code wlan_band}, V170).
 *
 * @param frequencyMhz channel centre frequency, MHz
 * @param channelMhz channel width, MHz
 * @param indoorLossDb building entry loss of an indoor access point to the outdoor grid, dB
 */
public record WlanChannel(double frequencyMhz, double channelMhz, double indoorLossDb) {

  /**
   * The noise over the channel: −174 dBm/Hz + 10·log10(width in Hz) + the receiver's noise figure,
   * dBm.
   */
  public double noiseDbm(double noiseFigureDb) {
    return Carrier.THERMAL_NOISE_DBM_HZ + 10 * Math.log10(channelMhz * 1e6) + noiseFigureDb;
  }
}
