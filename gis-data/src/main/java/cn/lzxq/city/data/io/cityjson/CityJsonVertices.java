package cn.lzxq.city.data.io.cityjson;

import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import tools.jackson.databind.JsonNode;

/**
 * The shared vertex list of a CityJSON file with its {@code transform} applied: vertex {@code i} is
 * {@code vertices[i] × scale + translate} (CityJSON 1.1/2.0; a 1.0 file without transform holds
 * real coordinates).
 */
final class CityJsonVertices {

  private final double[] xyz;

  private CityJsonVertices(double[] xyz) {
    this.xyz = xyz;
  }

  static CityJsonVertices of(JsonNode root) throws IOException {
    JsonNode t = root.path("transform");
    double[] scale = {1, 1, 1};
    double[] translate = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
      scale[i] = t.path("scale").path(i).asDouble(1);
      translate[i] = t.path("translate").path(i).asDouble(0);
    }
    JsonNode list = root.path("vertices");
    double[] xyz = new double[list.size() * 3];
    int k = 0;
    for (JsonNode v : list.values()) {
      if (v.size() != 3
          || !v.path(0).isNumber()
          || !v.path(1).isNumber()
          || !v.path(2).isNumber()) {
        throw new IOException("vertex " + k / 3 + " is not three numbers 顶点格式错误");
      }
      for (int i = 0; i < 3; i++) {
        xyz[k++] = v.get(i).asDouble() * scale[i] + translate[i];
      }
    }
    return new CityJsonVertices(xyz);
  }

  /** The coordinate of vertex {@code index}; an index outside the list is an error. */
  Coordinate at(int index) {
    if (index < 0 || index * 3 >= xyz.length) {
      throw new IllegalArgumentException(
          "vertex index " + index + " outside the vertex list 顶点索引越界");
    }
    return new Coordinate(xyz[index * 3], xyz[index * 3 + 1], xyz[index * 3 + 2]);
  }
}
