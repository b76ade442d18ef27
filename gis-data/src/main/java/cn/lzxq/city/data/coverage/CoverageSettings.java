package cn.lzxq.city.data.coverage;

/**
 * How a coverage run computes.
 *
 * @param cellM grid cell size, metres (25 by default, 10 possible)
 * @param receiverHeightM receiver height above ground, metres (1.5 m, a handset)
 * @param radiusM how far from a sector its signal is computed, metres (at most 5,000 m, the UMa
 *     limit): beyond it the sector neither serves nor interferes
 * @param noiseFigureDb receiver noise figure, dB
 * @param load cell load: the share of the interfering cells' resource elements carrying power (0–1)
 * @param terrain whether line of sight is decided against the DEM (when one is imported)
 */
public record CoverageSettings(
    double cellM,
    double receiverHeightM,
    double radiusM,
    double noiseFigureDb,
    double load,
    boolean terrain) {

  /** 25 m cells, 1.5 m receivers, 2,000 m reach, 9 dB noise figure, 50 % load, with terrain. */
  public static final CoverageSettings DEFAULT = new CoverageSettings(25, 1.5, 2_000, 9, 0.5, true);

  public CoverageSettings {
    if (!(cellM >= 5 && cellM <= 200)) {
      throw new IllegalArgumentException("cell size must be 5–200 m, not " + cellM);
    }
    if (!(radiusM >= cellM && radiusM <= UmaPathLoss.MAX_DISTANCE_M)) {
      throw new IllegalArgumentException("radius must be a cell to 5,000 m, not " + radiusM);
    }
    if (!(receiverHeightM >= 1.5 && receiverHeightM <= 22.5)) {
      throw new IllegalArgumentException("receiver height must be 1.5–22.5 m");
    }
    if (!(load >= 0 && load <= 1)) {
      throw new IllegalArgumentException("load must be 0–1");
    }
    if (!(noiseFigureDb >= 0 && noiseFigureDb <= 20)) {
      throw new IllegalArgumentException("noise figure must be 0–20 dB");
    }
  }

  /** The same with another cell size. */
  public CoverageSettings withCell(double m) {
    return new CoverageSettings(m, receiverHeightM, radiusM, noiseFigureDb, load, terrain);
  }
}
