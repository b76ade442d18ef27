package cn.lzxq.city.data.analysis.tower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmfDistanceTest {

  @Test
  void complianceDistanceFromEirp() {
    // 60 dBm = 10^((60 − 30) / 10) W = 1000 W. At 2600 MHz the GB 8702 limit is 0.4 W/m² and one
    // project may use 1/5: d = √(1000 / (4π × 0.4 × 0.2)) = √994.7 = 31.54 m.
    EmfDistance.Result r = EmfDistance.of(60, 0.4, 0.2, List.of());
    assertThat(r.eirpW()).isEqualTo(1000.0);
    assertThat(r.distanceM()).isEqualTo(31.54, offset(0.005));
    // Four times the power needs twice the distance: 66.02 dBm ≈ 4000 W → 63.08 m.
    assertThat(EmfDistance.of(60 + 10 * Math.log10(4), 0.4, 0.2, List.of()).distanceM())
        .isEqualTo(63.08, offset(0.01));
  }
}
