package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The road grid of the sample window: north-south 经路 and east-west 纬路 every {@value #SPACING_M} m,
 * with 北斗路 (the 50 m main arterial) through the centre. Every fourth road is an arterial (45–50 m
 * red line), every other one a secondary road (30, 36 or 46 m), the rest branch roads (21 or 24 m).
 * Names and classes depend only on a road's place in the whole New Area grid, so a road has the
 * same name at every scale.
 */
public final class RoadGrid {

  /** Distance between neighbouring parallel roads, centre to centre, metres. */
  public static final double SPACING_M = 250;

  /** North-south roads each side of 北斗路 in the whole New Area. */
  public static final int FULL_HALF_COLUMNS = 51;

  /** East-west roads each side of the central row in the whole New Area. */
  public static final int FULL_HALF_ROWS = 96;

  private final List<Road> columns = new ArrayList<>();
  private final List<Road> rows = new ArrayList<>();

  /** The grid window of a scale. */
  public RoadGrid(SampleScale scale) {
    for (int d = -scale.halfColumns(); d <= scale.halfColumns(); d++) {
      columns.add(road(Road.Axis.NS, d));
    }
    for (int e = -scale.halfRows(); e <= scale.halfRows(); e++) {
      rows.add(road(Road.Axis.EW, e));
    }
  }

  /** North-south roads, west to east. */
  public List<Road> columns() {
    return columns;
  }

  /** East-west roads, south to north. */
  public List<Road> rows() {
    return rows;
  }

  /** The roads crossing a road, in order along it (rows for a column, columns for a row). */
  public List<Road> crossing(Road road) {
    return road.axis() == Road.Axis.NS ? rows : columns;
  }

  /** A stretch of road between two neighbouring crossings. */
  public record Edge(Road road, int k, Road from, Road to) {
    /** True for the first stretch of its road. */
    public boolean first() {
      return k == 0;
    }
  }

  /** Every edge: the columns' edges west to east and south to north, then the rows'. */
  public List<Edge> edges() {
    List<Edge> out = new ArrayList<>();
    for (Road road : columns) {
      addEdges(road, out);
    }
    for (Road road : rows) {
      addEdges(road, out);
    }
    return out;
  }

  private void addEdges(Road road, List<Edge> out) {
    List<Road> crossing = crossing(road);
    for (int k = 0; k + 1 < crossing.size(); k++) {
      out.add(new Edge(road, k, crossing.get(k), crossing.get(k + 1)));
    }
  }

  /**
   * A block between two neighbouring columns and two neighbouring rows, inside their red lines.
   *
   * @param col global index of the column on its west side
   * @param row global index of the row on its south side
   */
  public record Block(int col, int row, Road west, Road east, Road south, Road north) {
    public double x0() {
      return west.centre() + west.halfWidthM();
    }

    public double x1() {
      return east.centre() - east.halfWidthM();
    }

    public double y0() {
      return south.centre() + south.halfWidthM();
    }

    public double y1() {
      return north.centre() - north.halfWidthM();
    }

    /** Blocks in a checkerboard get a base-station site: those with an even col + row. */
    public boolean siteBlock() {
      return Math.floorMod(col + row, 2) == 0;
    }

    /** Distance of the block centre from the New Area centre, metres. */
    public double distanceFromCentre() {
      return Math.hypot(
          (x0() + x1()) / 2 - NewAreaFrame.CENTRE_X, (y0() + y1()) / 2 - NewAreaFrame.CENTRE_Y);
    }
  }

  /** Every block, west to east within south to north. */
  public List<Block> blocks() {
    List<Block> out = new ArrayList<>();
    for (int j = 0; j + 1 < rows.size(); j++) {
      for (int i = 0; i + 1 < columns.size(); i++) {
        out.add(block(i, j));
      }
    }
    return out;
  }

  /**
   * The block east of column {@code i} and north of row {@code j} (local indices), or null outside
   * the window.
   */
  public Block block(int i, int j) {
    if (i < 0 || j < 0 || i + 1 >= columns.size() || j + 1 >= rows.size()) {
      return null;
    }
    return new Block(
        columns.get(i).index(),
        rows.get(j).index(),
        columns.get(i),
        columns.get(i + 1),
        rows.get(j),
        rows.get(j + 1));
  }

  /** The local index of a road in its list. */
  public int local(Road road) {
    return road.axis() == Road.Axis.NS
        ? road.index() - columns.get(0).index()
        : road.index() - rows.get(0).index();
  }

  static Road road(Road.Axis axis, int index) {
    RoadClass rc =
        Math.floorMod(index, 4) == 0
            ? RoadClass.ARTERIAL
            : Math.floorMod(index, 2) == 0 ? RoadClass.SECONDARY : RoadClass.BRANCH;
    int a = Math.abs(index);
    double width =
        switch (rc) {
          case ARTERIAL -> index == 0 || (a / 4) % 2 == 0 ? 50 : 45;
          case SECONDARY -> new double[] {30, 36, 46}[(a / 2) % 3];
          case BRANCH -> a % 4 == 1 ? 21 : 24;
        };
    double carriageway =
        width >= 50
            ? 24
            : width >= 45 ? 21 : width >= 36 ? 16 : width >= 30 ? 14 : width >= 24 ? 12 : 9;
    String name;
    String code;
    double centre;
    if (axis == Road.Axis.NS) {
      int n = index < 0 ? index + FULL_HALF_COLUMNS + 1 : index + FULL_HALF_COLUMNS;
      name = index == 0 ? "北斗路" : "经" + ChineseNumerals.of(n) + "路";
      code = index == 0 ? "BD" : String.format("J%03d", n);
      centre = NewAreaFrame.CENTRE_X + index * SPACING_M;
    } else {
      int n = FULL_HALF_ROWS + 1 - index;
      name = "纬" + ChineseNumerals.of(n) + "路";
      code = String.format("W%03d", n);
      centre = NewAreaFrame.CENTRE_Y + index * SPACING_M;
    }
    return new Road(axis, index, name, code, rc, width, carriageway, centre, index == 0);
  }
}
