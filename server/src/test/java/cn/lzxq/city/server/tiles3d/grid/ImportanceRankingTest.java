package cn.lzxq.city.server.tiles3d.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.tiles3d.grid.ImportanceRanking.SizeCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportanceRankingTest {

  /** Budget 2 per tile and level: levels 0..L hold at most 2, 8, 32 segments. */
  @Test
  void levelsHoldTheLargestThenLongestWithinTheBudget() {
    List<SizeCount> sizes =
        List.of(
            new SizeCount(1200, 40, 1),
            new SizeCount(800, 90, 1),
            new SizeCount(800, 30, 4),
            new SizeCount(400, 25, 20),
            new SizeCount(200, 25, 500));
    ImportanceRanking r = ImportanceRanking.of(sizes, 4, 2);
    assertThat(r.levelFor(1200, 40, 4)).isEqualTo(0);
    assertThat(r.levelFor(800, 90, 4)).isEqualTo(0);
    assertThat(r.levelFor(800, 30, 4)).isEqualTo(1); // 2 + 4 = 6 ≤ 8
    assertThat(r.levelFor(400, 25, 4)).isEqualTo(2); // 6 + 20 = 26 ≤ 32
    assertThat(r.levelFor(200, 25, 4)).isEqualTo(4); // 526 > 128 at level 3: the deepest
    assertThat(r.levelFor(400, 24.9, 4)).isEqualTo(4); // just shorter than the level-2 threshold
  }

  /** A network of only small pipes still has its largest at the root. */
  @Test
  void smallPipesOfASmallNetworkReachTheRoot() {
    ImportanceRanking r = ImportanceRanking.of(List.of(new SizeCount(100, 30, 3)), 6, 32);
    assertThat(r.levelFor(100, 30, 6)).isEqualTo(0);
  }

  /** A class larger than a level's budget waits for a level with room; none is split by size. */
  @Test
  void aClassLargerThanTheBudgetMovesFinerWhole() {
    ImportanceRanking r = ImportanceRanking.of(List.of(new SizeCount(600, 50, 40)), 4, 3);
    assertThat(r.levelFor(600, 50, 4)).isEqualTo(2); // 40 > 12 at level 1, ≤ 48 at level 2
    assertThat(r.levelFor(600, 49.9, 4)).isEqualTo(4);
  }
}
