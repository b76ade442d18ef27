package cn.lzxq.city.data.coverage;

/**
 * An NR/LTE carrier as the link budget needs it.
 *
 * @param bandwidthMhz channel bandwidth, MHz
 * @param subcarrierKhz subcarrier spacing, kHz (15, 30, 60)
 * @param resourceBlocks N_RB, the transmission bandwidth in resource blocks for that bandwidth and
 *     spacing (3GPP TS 38.101-1 Table 5.3.2-1; 273 for 100 MHz at 30 kHz)
 * @param noiseFigureDb receiver (UE) noise figure, dB
 */
public record Carrier(
    double bandwidthMhz, double subcarrierKhz, int resourceBlocks, double noiseFigureDb) {

  /** Thermal noise density at 290 K, dBm/Hz. */
  public static final double THERMAL_NOISE_DBM_HZ = -174;

  public Carrier {
    if (!(resourceBlocks > 0 && subcarrierKhz > 0 && bandwidthMhz > 0)) {
      throw new IllegalArgumentException("a carrier needs resource blocks, spacing and bandwidth");
    }
    if (resourceBlocks * 12 * subcarrierKhz / 1000 > bandwidthMhz) {
      throw new IllegalArgumentException(
          resourceBlocks + " resource blocks do not fit " + bandwidthMhz + " MHz");
    }
  }

  /** 10·log10(12·N_RB): what the carrier's power is divided by per resource element, dB. */
  public double perResourceElementDb() {
    return 10 * Math.log10(12.0 * resourceBlocks);
  }

  /** Noise power in one resource element (one subcarrier): −174 + 10·log10(Δf) + NF, dBm. */
  public double noisePerResourceElementDbm() {
    return THERMAL_NOISE_DBM_HZ + 10 * Math.log10(subcarrierKhz * 1000) + noiseFigureDb;
  }
}
