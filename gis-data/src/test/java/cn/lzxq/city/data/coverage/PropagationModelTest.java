package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The propagation and antenna model against values worked out by hand from the published formulas
 * (TR 38.901 Table 7.4.1-1 and 7.4.2-1, COST-231 Hata, TR 36.814 Table A.2.1.1-2); the numbers are
 * typed here, not computed by the code under test.
 *
 * <p>Reference link: 3,500 MHz, base station 25 m, user 1.5 m, so d'BP = 4·24·0.5·3.5e9/3e8 = 560
 * m; 100 MHz at 30 kHz: N_RB 273, 10·log10(12·273) = 35.153 dB; EIRP 76.5 dBm; sector 65°/6.5°,
 * electrical tilt 6°, no mechanical tilt.
 */
class PropagationModelTest {

  private static final Carrier NR_100 = new Carrier(100, 30, 273, 9);
  private static final SectorPattern SECTOR = new SectorPattern(65, 6.5, 0, 6);

  @Test
  void umaBreakpointAndPathLoss() {
    assertThat(UmaPathLoss.breakpointM(3500, 25, 1.5)).isCloseTo(560.0, within(0.01));
    // d3D = 102.724, 500.552, 1000.276 m
    assertThat(UmaPathLoss.losDb(3500, 100, 25, 1.5)).isCloseTo(83.138, within(0.01));
    assertThat(UmaPathLoss.losDb(3500, 500, 25, 1.5)).isCloseTo(98.269, within(0.01));
    // beyond the breakpoint: 28 + 40·3.00012 + 10.881 − 9·log10(560² + 23.5²)
    assertThat(UmaPathLoss.losDb(3500, 1000, 25, 1.5)).isCloseTo(109.412, within(0.01));
    assertThat(UmaPathLoss.nlosDb(3500, 100, 25, 1.5)).isCloseTo(103.038, within(0.01));
    assertThat(UmaPathLoss.nlosDb(3500, 500, 25, 1.5)).isCloseTo(129.916, within(0.01));
    assertThat(UmaPathLoss.nlosDb(3500, 1000, 25, 1.5)).isCloseTo(141.666, within(0.01));
  }

  @Test
  void umaLosProbability() {
    assertThat(UmaPathLoss.losProbability(18)).isEqualTo(1.0);
    assertThat(UmaPathLoss.losProbability(100)).isCloseTo(0.34767, within(1e-4));
    assertThat(UmaPathLoss.losProbability(500)).isCloseTo(0.03634, within(1e-4));
    assertThat(UmaPathLoss.losProbability(1000)).isCloseTo(0.01800, within(1e-4));
  }

  @Test
  void umaRefusesOutsideItsValidity() {
    assertThatThrownBy(() -> UmaPathLoss.losDb(3500, 9.9, 25, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d2D");
    assertThatThrownBy(() -> UmaPathLoss.nlosDb(3500, 5_001, 25, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UmaPathLoss.nlosDb(400, 100, 25, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UmaPathLoss.nlosDb(3500, 100, 25, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UmaPathLoss.nlosDb(3500, 5_000, 25, 1.5)).isGreaterThan(150);
  }

  @Test
  void hataInsideItsValidityOnly() {
    // 1,800 MHz, 30 m, 1.5 m, 2 km, Cm 0: a(hM) = 0.043; 46.3 + 110.354 − 20.414 − 0.043 + 10.604
    assertThat(Cost231Hata.pathLossDb(1800, 2_000, 30, 1.5, false)).isCloseTo(146.80, within(0.01));
    assertThat(Cost231Hata.pathLossDb(1800, 2_000, 30, 1.5, true)).isCloseTo(149.80, within(0.01));
    // just inside and just outside each limit
    assertThat(Cost231Hata.valid(1500, 1_000, 30, 1.5)).isTrue();
    assertThat(Cost231Hata.valid(2000, 20_000, 200, 1.5)).isTrue();
    assertThat(Cost231Hata.valid(1499, 2_000, 30, 1.5)).isFalse();
    assertThat(Cost231Hata.valid(2001, 2_000, 30, 1.5)).isFalse();
    assertThat(Cost231Hata.valid(1800, 999, 30, 1.5)).isFalse();
    assertThat(Cost231Hata.valid(1800, 20_001, 30, 1.5)).isFalse();
    assertThat(Cost231Hata.valid(1800, 2_000, 29.9, 1.5)).isFalse();
    assertThat(Cost231Hata.valid(1800, 2_000, 200.1, 1.5)).isFalse();
    assertThatThrownBy(() -> Cost231Hata.pathLossDb(3500, 2_000, 30, 1.5, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COST-231 Hata holds for 1.5–2 GHz");
    assertThatThrownBy(() -> Cost231Hata.pathLossDb(1800, 500, 30, 1.5, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cost231Hata.pathLossDb(1800, 2_000, 25, 1.5, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void propagationUsesHataOnlyWhereValid() {
    assertThat(Propagation.pathLossDb(1800, 2_000, 30, 1.5, true)).isCloseTo(146.80, within(0.01));
    // 1,800 MHz at 500 m is outside Hata: UMa NLOS when the terrain blocks, 13.54 +
    // 39.08·log10(d3D)
    // + 20·log10(1.8) with d3D = 500.812
    assertThat(Propagation.pathLossDb(1800, 500, 25, 1.5, false)).isCloseTo(124.140, within(0.01));
  }

  @Test
  void patternAtSixtyAndNinetyDegrees() {
    SectorPattern flat = new SectorPattern(65, 6.5, 0, 0);
    // 12·(60/65)² = 10.225 dB; 12·(90/65)² = 23.006 dB (under Am = 25)
    assertThat(flat.relativeGainDb(60, 0)).isCloseTo(-10.225, within(0.01));
    assertThat(flat.relativeGainDb(-60, 0)).isCloseTo(-10.225, within(0.01));
    assertThat(flat.relativeGainDb(90, 0)).isCloseTo(-23.006, within(0.01));
    assertThat(flat.relativeGainDb(-90, 0)).isCloseTo(-23.006, within(0.01));
    assertThat(flat.relativeGainDb(180, 0)).isCloseTo(-25.0, within(0.01));
    assertThat(flat.relativeGainDb(0, 0)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void patternWithDowntilt() {
    // on boresight, horizon: mechanical 2° + electrical 2° = 4°: 12·(4/6.5)² = 4.544 dB
    assertThat(new SectorPattern(65, 6.5, 2, 2).relativeGainDb(0, 0))
        .isCloseTo(-4.544, within(0.01));
    // the tilted boresight itself
    assertThat(new SectorPattern(65, 6.5, 2, 2).relativeGainDb(0, 4)).isCloseTo(0.0, within(0.01));
    // 9° total: 12·(9/6.5)² = 23.0 capped at SLAv 20 dB
    assertThat(new SectorPattern(65, 6.5, 6, 3).relativeGainDb(0, 0))
        .isCloseTo(-20.0, within(0.01));
    // at 90° off boresight the mechanical tilt does not act: only the horizontal 23.006 dB
    assertThat(new SectorPattern(65, 6.5, 6, 0).relativeGainDb(90, 0))
        .isCloseTo(-23.006, within(0.01));
    // at 60°, 4° electrical only: 10.225 + 4.544 = 14.769 dB
    assertThat(new SectorPattern(65, 6.5, 0, 4).relativeGainDb(60, 0))
        .isCloseTo(-14.769, within(0.01));
    // horizontal 23.006 + vertical 20 capped at Am = 25
    assertThat(new SectorPattern(65, 6.5, 0, 10).relativeGainDb(90, 0))
        .isCloseTo(-25.0, within(0.01));
  }

  @Test
  void carrierPerResourceElementAndNoise() {
    assertThat(NR_100.perResourceElementDb()).isCloseTo(35.153, within(0.001));
    // −174 + 10·log10(30,000) + 9 = −120.229 dBm
    assertThat(NR_100.noisePerResourceElementDbm()).isCloseTo(-120.229, within(0.001));
    assertThatThrownBy(() -> new Carrier(20, 30, 273, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Single-sector RSRP on boresight, worked by hand: depression atan(23.5/d) = 13.225°, 2.691°,
   * 1.346° gives vertical 14.824, 3.110, 6.151 dB; RSRP = 76.5 − 35.153 − PL − A.
   */
  @Test
  void singleSectorRsrpOnBoresight() {
    double[][] cases = {
      // d2D, RSRP LOS, RSRP NLOS, RSRP of the expected power with P_LOS (terrain clear)
      {100, -56.616, -76.515, -61.122},
      {500, -60.033, -91.679, -74.350},
      {1000, -74.217, -106.471, -91.525},
    };
    for (double[] c : cases) {
      double d = c[0];
      double pattern = SECTOR.relativeGainDb(0, Math.toDegrees(Math.atan2(23.5, d)));
      double los = LinkBudget.rsrpDbm(76.5, NR_100, UmaPathLoss.losDb(3500, d, 25, 1.5), pattern);
      double nlos = LinkBudget.rsrpDbm(76.5, NR_100, UmaPathLoss.nlosDb(3500, d, 25, 1.5), pattern);
      double mixed =
          LinkBudget.rsrpDbm(76.5, NR_100, Propagation.pathLossDb(3500, d, 25, 1.5, true), pattern);
      double blocked =
          LinkBudget.rsrpDbm(
              76.5, NR_100, Propagation.pathLossDb(3500, d, 25, 1.5, false), pattern);
      assertThat(los).as("LOS at %s m", d).isCloseTo(c[1], within(0.5));
      assertThat(nlos).as("NLOS at %s m", d).isCloseTo(c[2], within(0.5));
      assertThat(mixed).as("expected power at %s m", d).isCloseTo(c[3], within(0.5));
      assertThat(blocked).as("terrain-blocked at %s m", d).isCloseTo(c[2], within(0.5));
    }
  }

  @Test
  void sinrWithLoadAndNoise() {
    // S −80 dBm; I = −85 dBm (3.1623e-9 mW) at load 0.5 → 1.5811e-9 mW; N −120.229 dBm
    // (9.4868e-13 mW): −80 − 10·log10(1.58209e-9) = −80 + 88.007 = 8.007 dB
    assertThat(LinkBudget.sinrDb(-80, 3.16228e-9, 0.5, -120.229)).isCloseTo(8.007, within(0.01));
    // no interference: S − N = 40.229 dB
    assertThat(LinkBudget.sinrDb(-80, 0, 0.5, -120.229)).isCloseTo(40.229, within(0.01));
    assertThatThrownBy(() -> LinkBudget.sinrDb(-80, 0, 1.5, -120.229))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
