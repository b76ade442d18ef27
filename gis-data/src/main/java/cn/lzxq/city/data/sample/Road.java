package cn.lzxq.city.data.sample;

/**
 * A road of the grid.
 *
 * @param axis which way it runs
 * @param index its place in the New Area grid: columns (north-south roads) count east of 北斗路, rows
 *     (east-west roads) north of the central row; negative west and south
 * @param name its name (北斗路, 经十二路, 纬三十路)
 * @param code a short ASCII code for line numbers (BD, J012, W030)
 * @param roadClass arterial, secondary or branch
 * @param redLineWidthM width between the red lines, metres
 * @param carriagewayWidthM width of the carriageway, metres
 * @param centre the easting of a north-south road or the northing of an east-west road, metres
 * @param gasTrunk true where a sub-high-pressure gas trunk runs under it
 */
public record Road(
    Axis axis,
    int index,
    String name,
    String code,
    RoadClass roadClass,
    double redLineWidthM,
    double carriagewayWidthM,
    double centre,
    boolean gasTrunk) {

  /** The direction a road runs. */
  public enum Axis {
    /** North-south: a 经路; the along-road coordinate is the northing. */
    NS,
    /** East-west: a 纬路; the along-road coordinate is the easting. */
    EW
  }

  /** Half the red-line width, metres. */
  public double halfWidthM() {
    return redLineWidthM / 2;
  }

  /**
   * The point at {@code along} on the road axis and {@code offset} metres east (NS) or north (EW)
   * of the centreline.
   */
  public double[] at(double along, double offset) {
    return axis == Axis.NS
        ? new double[] {centre + offset, along}
        : new double[] {along, centre + offset};
  }
}
