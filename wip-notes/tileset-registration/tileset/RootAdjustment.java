package cn.lzxq.city.data.tileset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documented adjustment of a registered tileset: a height offset (metres) moves the whole
 * tileset along the ellipsoid normal at its root's centre, by adding {@code normal × offset} to the
 * translation of {@code root.transform} (identity when absent; 3D Tiles applies it to every tile's
 * box and sphere volumes and content) and to the heights of every region volume of the root file
 * (regions are not transformed). A tileset in a local frame is placed the same way: its producer's
 * ENU origin goes in {@code root.transform}. Also gives the root's lon/lat box for the catalog.
 */
final class RootAdjustment {

  private static final double METRES_PER_DEGREE = 111_320;

  private RootAdjustment() {}

  /** Where the tileset lies: its lon/lat box in degrees (west, south, east, north), or null. */
  record Placed(double[] lonLatBox) {}

  static Placed apply(ObjectNode tileset, double offsetM) {
    ObjectNode root = (ObjectNode) tileset.get("root");
    double[] m = transform(root);
    JsonNode volume = root.get("boundingVolume");
    double[] centre;
    double radius;
    double[] box = null;
    if (volume.has("region")) {
      JsonNode r = volume.get("region");
      box = new double[] {
        Math.toDegrees(r.get(0).asDouble()), Math.toDegrees(r.get(1).asDouble()),
        Math.toDegrees(r.get(2).asDouble()), Math.toDegrees(r.get(3).asDouble())
      };
      centre = Ecef.of((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 0);
      radius = 0;
    } else if (volume.has("box") || volume.has("sphere")) {
      JsonNode v = volume.has("box") ? volume.get("box") : volume.get("sphere");
      double[] local = {v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()};
      centre = apply(m, local);
      radius = volume.has("sphere") ? v.get(3).asDouble() : halfAxes(v);
    } else {
      return new Placed(null);
    }
    if (offsetM != 0) {
      double[] up = Ecef.normal(centre);
      ArrayNode t = root.putArray("transform");
      for (int i = 0; i < 16; i++) {
        t.add(i >= 12 && i <= 14 ? m[i] + up[i - 12] * offsetM : m[i]);
      }
      shiftRegions(root, offsetM);
    }
    if (box == null) {
      double[] lonLat = Ecef.lonLat(centre);
      double dLat = radius / METRES_PER_DEGREE;
      double dLon = radius / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lonLat[1])));
      box = new double[] {lonLat[0] - dLon, lonLat[1] - dLat, lonLat[0] + dLon, lonLat[1] + dLat};
    }
    return new Placed(box);
  }

  private static void shiftRegions(JsonNode tile, double offsetM) {
    if (tile.path("boundingVolume").get("region") instanceof ArrayNode r) {
      r.set(4, JsonNodeFactory.instance.numberNode(r.get(4).asDouble() + offsetM));
      r.set(5, JsonNodeFactory.instance.numberNode(r.get(5).asDouble() + offsetM));
    }
    for (JsonNode child : tile.path("children").values()) {
      shiftRegions(child, offsetM);
    }
  }

  private static double[] transform(JsonNode root) {
    double[] m = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    JsonNode t = root.get("transform");
    if (t != null) {
      for (int i = 0; i < 16; i++) {
        m[i] = t.get(i).asDouble();
      }
    }
    return m;
  }

  /** A column-major 4 × 4 matrix applied to a point. */
  private static double[] apply(double[] m, double[] p) {
    return new double[] {
      m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12],
      m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13],
      m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14]
    };
  }

  private static double halfAxes(JsonNode box) {
    double r = 0;
    for (int k = 0; k < 3; k++) {
      double x = box.get(3 + 3 * k).asDouble(), y = box.get(4 + 3 * k).asDouble(), z = box.get(5 + 3 * k).asDouble();
      r = Math.max(r, Math.sqrt(x * x + y * y + z * z));
    }
    return r;
  }

}
