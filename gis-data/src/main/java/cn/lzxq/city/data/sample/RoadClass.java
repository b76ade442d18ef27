package cn.lzxq.city.data.sample;

/** Urban road classes of the grid, with the value of the {@code road.road_class} column. */
public enum RoadClass {
  ARTERIAL("arterial"),
  SECONDARY("secondary"),
  BRANCH("branch");

  private final String column;

  RoadClass(String column) {
    this.column = column;
  }

  /** The value stored in {@code road.road_class}. */
  public String column() {
    return column;
  }
}
