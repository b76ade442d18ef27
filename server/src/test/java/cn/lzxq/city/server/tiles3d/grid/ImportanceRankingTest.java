package cn.lzxq.city.server.tiles3d.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.tiles3d.grid.ImportanceRanking.SizeCount;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
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
    assertThat(r.levelFor(400, 24.9, 4)).isEqualTo(2); // shorter than the 400s, longer than a 200
    // the class of 400 / 25 is split: 2 of its 20 at level 1, the rest at level 2
    assertThat(LongStream.rangeClosed(1, 1000).filter(fid -> r.levelFor(400, 25, fid, 4) == 1))
        .hasSizeBetween(50, 150);
  }

  /** A network of only small pipes still has its largest at the root. */
  @Test
  void smallPipesOfASmallNetworkReachTheRoot() {
    ImportanceRanking r = ImportanceRanking.of(List.of(new SizeCount(100, 30, 3)), 6, 32);
    assertThat(r.levelFor(100, 30, 6)).isEqualTo(0);
  }

  /**
   * A class larger than a level's budget is split by a hash of the feature id: each level gets its
   * budget's share of it, ids from all over the range (the city sample has 550 water mains of DN
   * 600 and 42.0 m, more than the root's 32 and level 1's 128: kept whole, they began at level 3).
   */
  @Test
  void aClassLargerThanTheBudgetIsSplitByFeatureId() {
    int features = 10_000;
    ImportanceRanking r = ImportanceRanking.of(List.of(new SizeCount(600, 42, features)), 5, 32);
    int[] perLevel = new int[6];
    List<Long> root = new ArrayList<>();
    for (long fid = 1; fid <= features; fid++) {
      int level = r.levelFor(600, 42, fid, 5);
      perLevel[level]++;
      if (level == 0) {
        root.add(fid);
      }
    }
    assertThat(perLevel[0]).isBetween(24, 40); // 32
    assertThat(perLevel[0] + perLevel[1]).isBetween(115, 141); // 128
    assertThat(perLevel[0] + perLevel[1] + perLevel[2]).isBetween(480, 544); // 512
    assertThat(features - perLevel[5]).isBetween(8_000, 8_384); // levels 0..4: 32 × 4^4 = 8,192
    assertThat(root).anyMatch(fid -> fid < 2_000).anyMatch(fid -> fid > 8_000);
    assertThat(r.levelFor(600, 42, 5)).as("the finest level of the class").isEqualTo(5);
    assertThat(r.levelFor(600, 41.9, 5)).isEqualTo(5);
  }
}
