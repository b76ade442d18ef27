package cn.lzxq.city.tiles.check;

import cn.lzxq.city.tiles.geo.Ellipsoid;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import tools.jackson.databind.JsonNode;

/**
 * Proves that tile content stays inside its tile's bounding region, which the official 3D Tiles
 * validator does not check.
 *
 * <p>Every vertex is taken through the whole chain a runtime applies: KHR_mesh_quantization
 * dequantization and all node transforms (matrix or TRS, parents first), EXT_mesh_gpu_instancing
 * instance transforms, the glTF y-up → 3D Tiles z-up rotation, then the tileset's tile transform
 * (identity for region-bounded implicit tilesets). The ECEF result is converted to WGS84 geodetic
 * coordinates and compared with the region. A vertex counts as outside when it is farther out than
 * the tolerance: {@code toleranceM} plus half the quantization step of its node (a quantized vertex
 * may round across the boundary by that much).
 */
public final class ContentBoundsChecker {

  private final Region region;
  private final Matrix4 tileTransform;
  private final double toleranceM;

  /**
   * @param region the tile's bounding region (radians, metres)
   * @param tileTransform the accumulated tile {@code transform} of tileset.json ({@link
   *     Matrix4#IDENTITY} when none)
   * @param toleranceM extra tolerance in metres (e.g. 0.001)
   */
  public ContentBoundsChecker(Region region, Matrix4 tileTransform, double toleranceM) {
    this.region = region;
    this.tileTransform = tileTransform;
    this.toleranceM = toleranceM;
  }

  /** Checks every vertex of a GLB. */
  public BoundsReport check(byte[] glb) {
    GlbReader reader = new GlbReader(glb);
    Tally tally = new Tally();
    JsonNode scene = reader.json().get("scenes").get(reader.json().path("scene").asInt(0));
    Matrix4 toEcef = tileTransform.multiply(Matrix4.Y_UP_TO_Z_UP);
    for (JsonNode n : scene.get("nodes")) {
      visit(reader, n.asInt(), toEcef, 0, tally);
    }
    return new BoundsReport(tally.vertices, tally.outside, tally.maxExcess, tally.worst);
  }

  private static final class Tally {
    long vertices;
    long outside;
    double maxExcess;
    GeoPoint worst;
  }

  private void visit(GlbReader reader, int index, Matrix4 parent, double halfStep, Tally tally) {
    JsonNode node = reader.json().get("nodes").get(index);
    Matrix4 world = parent.multiply(GlbReader.nodeMatrix(node));
    double step = halfStep;
    if (node.has("scale")) {
      Vec3 s = GlbReader.vec3(node.get("scale"));
      step += 0.5 * s.length() / 32767;
    }
    if (node.has("mesh")) {
      JsonNode instancing =
          node.path("extensions").path("EXT_mesh_gpu_instancing").path("attributes");
      if (instancing.isMissingNode()) {
        checkMesh(reader, node.get("mesh").asInt(), world, step, tally);
      } else {
        for (Matrix4 instance : instances(reader, instancing)) {
          checkMesh(reader, node.get("mesh").asInt(), world.multiply(instance), step, tally);
        }
      }
    }
    for (JsonNode child : node.path("children")) {
      visit(reader, child.asInt(), world, step, tally);
    }
  }

  private static Matrix4[] instances(GlbReader reader, JsonNode attrs) {
    double[][] t =
        attrs.has("TRANSLATION") ? reader.accessor(attrs.get("TRANSLATION").asInt()) : null;
    double[][] r = attrs.has("ROTATION") ? reader.accessor(attrs.get("ROTATION").asInt()) : null;
    double[][] s = attrs.has("SCALE") ? reader.accessor(attrs.get("SCALE").asInt()) : null;
    int n = t != null ? t.length : r != null ? r.length : s.length;
    Matrix4[] out = new Matrix4[n];
    for (int i = 0; i < n; i++) {
      Vec3 ti = t == null ? Vec3.ZERO : new Vec3(t[i][0], t[i][1], t[i][2]);
      double[] ri = r == null ? new double[] {0, 0, 0, 1} : r[i];
      Vec3 si = s == null ? new Vec3(1, 1, 1) : new Vec3(s[i][0], s[i][1], s[i][2]);
      out[i] = Matrix4.trs(ti, ri, si);
    }
    return out;
  }

  private void checkMesh(GlbReader reader, int mesh, Matrix4 world, double halfStep, Tally tally) {
    for (JsonNode prim : reader.json().get("meshes").get(mesh).get("primitives")) {
      for (double[] p : reader.accessor(prim.get("attributes").get("POSITION").asInt())) {
        GeoPoint g = Ellipsoid.WGS84.toGeodetic(world.transformPoint(new Vec3(p[0], p[1], p[2])));
        double excess = excess(g);
        tally.vertices++;
        if (excess > toleranceM + halfStep) {
          tally.outside++;
        }
        if (excess > tally.maxExcess) {
          tally.maxExcess = excess;
          tally.worst = g;
        }
      }
    }
  }

  /** Distance in metres by which a point lies outside the region (0 inside). */
  private double excess(GeoPoint g) {
    double lon = g.lonRad(), lat = g.latRad();
    double radius = Ellipsoid.WGS84.a();
    double dLon =
        Math.max(0, Math.max(region.west() - lon, lon - region.east())) * radius * Math.cos(lat);
    double dLat = Math.max(0, Math.max(region.south() - lat, lat - region.north())) * radius;
    double dH =
        Math.max(0, Math.max(region.minHeight() - g.height(), g.height() - region.maxHeight()));
    return Math.max(dLon, Math.max(dLat, dH));
  }
}
