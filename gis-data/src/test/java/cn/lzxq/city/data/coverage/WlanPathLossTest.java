package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The WLAN model against numbers worked by hand from ITU-R P.1411-10 §4.1.1 (site-general, below
 * rooftop): PL = 10 α log10 d + β + 10 γ log10 f, NLoS urban high-rise α 4.00, β 10.2, γ 2.36,
 * never below LoS α 2.12, β 29.2, γ 2.11 (d 3D in m, f in GHz).
 *
 * <p>An outdoor 2.4 GHz access point (channel 6, 2.437 GHz: log10 f = 0.386855), EIRP 20 dBm, 6 m
 * up, a receiver 1.5 m up (4.5 m lower):
 *
 * <ul>
 *   <li>10 m: d = √(10² + 4.5²) = 10.9659, log10 d = 1.040044; NLoS 41.602 + 10.2 + 9.130 = 60.931
 *       (LoS 22.049 + 29.2 + 8.163 = 59.412, below): RSSI −40.931 dBm;
 *   <li>50 m: d = 50.2021, log10 d = 1.700722; NLoS 68.029 + 19.330 = 87.359: RSSI −67.359 dBm;
 *   <li>100 m: d = 100.1012, log10 d = 2.000439; NLoS 80.018 + 19.330 = 99.347: RSSI −79.347 dBm.
 * </ul>
 *
 * The −75 dBm threshold: 77 m (d = 77.1314) gives −74.819 dBm, covered; 78 m (d = 78.1297) gives
 * −75.042 dBm, not. 5 GHz channel 157 (5.785 GHz, log10 f = 0.762303), 33 dBm at 50 m: 87.359 −
 * 9.130 + 17.990 = 96.219, RSSI −63.219 dBm. Noise over 20 MHz with a 9 dB noise figure: −174 +
 * 73.010 + 9 = −91.990 dBm.
 */
class WlanPathLossTest {

  private static final WlanPathLoss CH6 = new WlanPathLoss(2437);

  private static double rssi(WlanPathLoss model, double eirp, double horizontalM) {
    return eirp - model.lossDb(Math.hypot(horizontalM, 4.5));
  }

  @Test
  void rssiOfAnOutdoor24GhzAccessPointAt10And50And100Metres() {
    assertThat(rssi(CH6, 20, 10)).isCloseTo(-40.931, within(0.01));
    assertThat(rssi(CH6, 20, 50)).isCloseTo(-67.359, within(0.01));
    assertThat(rssi(CH6, 20, 100)).isCloseTo(-79.347, within(0.01));
  }

  @Test
  void justInsideAndJustOutsideTheMinus75DbmThreshold() {
    assertThat(rssi(CH6, 20, 77)).isCloseTo(-74.819, within(0.01)).isGreaterThanOrEqualTo(-75);
    assertThat(rssi(CH6, 20, 78)).isCloseTo(-75.042, within(0.01)).isLessThan(-75);
  }

  @Test
  void theDistanceOfALossInvertsTheModel() {
    // 20 dBm down to −75 dBm = 95 dB: NLoS (95 − 19.330) / 40 = 1.891755 → 77.939 m (LoS would
    // allow 10^((95 − 37.363) / 21.2) = 523.3 m); 4.5 m lower, horizontally √(77.939² − 4.5²) =
    // 77.809 m, between the 77 m and 78 m above
    assertThat(CH6.distanceM(95)).isCloseTo(77.939, within(0.001));
    // 53 dB: LoS (53 − 37.363) / 21.2 = 0.737611 → 5.465 m (NLoS would allow 6.946 m)
    assertThat(CH6.distanceM(53)).isCloseTo(5.465, within(0.001));
    // 52 dB is less than the 52.181 dB at 5 m: nowhere
    assertThat(CH6.distanceM(52)).isZero();
    // 200 dB: the model's last 715 m
    assertThat(CH6.distanceM(200)).isEqualTo(715.0);
  }

  @Test
  void theLosRowIsAFloorCloseToTheAccessPoint() {
    // 6 m: LoS 21.2 · 0.778151 + 37.363 = 53.860 > NLoS 31.126 + 19.330 = 50.456
    assertThat(CH6.lossDb(6)).isCloseTo(53.860, within(0.01));
    // under 5 m counts as 5 m: LoS 21.2 · 0.698970 + 37.363 = 52.181
    assertThat(CH6.lossDb(1)).isCloseTo(52.181, within(0.01));
  }

  @Test
  void fiveGigahertzLosesMoreAtTheSameDistance() {
    assertThat(rssi(new WlanPathLoss(5785), 33, 50)).isCloseTo(-63.219, within(0.01));
  }

  @Test
  void noiseOverTheChannel() {
    assertThat(new WlanChannel(2437, 20, 15.8).noiseDbm(9)).isCloseTo(-91.990, within(0.001));
  }

  @Test
  void outsideTheRecommendationTheModelRefuses() {
    assertThatThrownBy(() -> new WlanPathLoss(700)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CH6.lossDb(716)).isInstanceOf(IllegalArgumentException.class);
  }
}
