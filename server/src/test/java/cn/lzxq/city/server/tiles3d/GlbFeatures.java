package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.check.GlbReader;
import cn.lzxq.city.tiles.geo.Ellipsoid;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Decodes what a viewer reads from a tile GLB: the EXT_structural_metadata property tables (rows by
 * class) and the geodetic positions of one feature's (non-instanced) vertices.
 */
final class GlbFeatures {

  private final GlbReader reader;
  private final JsonNode json;

  GlbFeatures(byte[] glb) {
    reader = new GlbReader(glb);
    json = reader.json();
  }

  /** The rows of the property table of {@code classId} (empty when the tile has none). */
  List<Map<String, Object>> rows(String classId) {
    int t = table(classId);
    return t < 0 ? List.of() : rows(t);
  }

  private int table(String classId) {
    JsonNode tables = json.at("/extensions/EXT_structural_metadata/propertyTables");
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).get("class").asString().equals(classId)) {
        return i;
      }
    }
    return -1;
  }

  private List<Map<String, Object>> rows(int t) {
    JsonNode ext = json.at("/extensions/EXT_structural_metadata");
    JsonNode table = ext.get("propertyTables").get(t);
    JsonNode cls = ext.at("/schema/classes/" + table.get("class").asString() + "/properties");
    int count = table.get("count").asInt();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new LinkedHashMap<>());
    }
    for (var prop : table.get("properties").properties()) {
      JsonNode def = cls.get(prop.getKey());
      ByteBuffer values =
          reader.bufferView(prop.getValue().get("values").asInt()).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer offsets =
          prop.getValue().has("stringOffsets")
              ? reader
                  .bufferView(prop.getValue().get("stringOffsets").asInt())
                  .order(ByteOrder.LITTLE_ENDIAN)
              : null;
      for (int i = 0; i < count; i++) {
        out.get(i).put(prop.getKey(), value(def, values, offsets, i));
      }
    }
    return out;
  }

  private static Object value(JsonNode def, ByteBuffer values, ByteBuffer offsets, int i) {
    String type = def.get("type").asString();
    if (type.equals("STRING")) {
      int from = offsets.getInt(4 * i);
      int to = offsets.getInt(4 * i + 4);
      byte[] s = new byte[to - from];
      values.get(from, s);
      return new String(s, StandardCharsets.UTF_8);
    }
    if (type.equals("BOOLEAN")) {
      return (values.get(i / 8) >> (i % 8) & 1) == 1;
    }
    Object v =
        switch (def.get("componentType").asString()) {
          case "INT32" -> values.getInt(4 * i);
          case "INT64" -> values.getLong(8 * i);
          case "FLOAT32" -> (double) values.getFloat(4 * i);
          case "FLOAT64" -> values.getDouble(8 * i);
          default -> throw new IllegalArgumentException(def.toString());
        };
    JsonNode noData = def.get("noData");
    return noData != null && ((Number) v).doubleValue() == noData.asDouble() ? null : v;
  }

  /**
   * Geodetic positions of the mesh vertices of the feature with {@code feature_id} {@code fid} in
   * {@code classId}.
   */
  List<GeoPoint> vertices(String classId, long fid) {
    int t = table(classId);
    List<Map<String, Object>> rows = rows(t);
    int feature = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (((Number) rows.get(i).get("feature_id")).longValue() == fid) {
        feature = i;
      }
    }
    List<GeoPoint> out = new ArrayList<>();
    if (feature >= 0) {
      JsonNode scene = json.get("scenes").get(json.path("scene").asInt(0));
      for (JsonNode n : scene.get("nodes")) {
        visit(n.asInt(), Matrix4.Y_UP_TO_Z_UP, t, feature, out);
      }
    }
    return out;
  }

  private void visit(int index, Matrix4 parent, int table, int feature, List<GeoPoint> out) {
    JsonNode node = json.get("nodes").get(index);
    Matrix4 world = parent.multiply(GlbReader.nodeMatrix(node));
    if (node.has("mesh") && !node.path("extensions").has("EXT_mesh_gpu_instancing")) {
      for (JsonNode prim : json.get("meshes").get(node.get("mesh").asInt()).get("primitives")) {
        JsonNode fids = prim.at("/extensions/EXT_mesh_features/featureIds");
        if (fids.isMissingNode() || fids.get(0).get("propertyTable").asInt() != table) {
          continue;
        }
        double[][] pos = reader.accessor(prim.at("/attributes/POSITION").asInt());
        double[][] ids = reader.accessor(prim.at("/attributes/_FEATURE_ID_0").asInt());
        for (int i = 0; i < pos.length; i++) {
          if ((int) Math.round(ids[i][0]) == feature) {
            out.add(
                Ellipsoid.WGS84.toGeodetic(
                    world.transformPoint(new Vec3(pos[i][0], pos[i][1], pos[i][2]))));
          }
        }
      }
    }
    for (JsonNode child : node.path("children")) {
      visit(child.asInt(), world, table, feature, out);
    }
  }
}
