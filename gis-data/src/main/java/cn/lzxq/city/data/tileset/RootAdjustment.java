package cn.lzxq.city.data.tileset;

import cn.lzxq.city.data.ServiceArea;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Places a registered tileset in the city, by changing only its root tile (3D Tiles applies the
 * root's {@code transform} to every tile's box and sphere volumes and contents, external tilesets
 * included):
 *
 * <ul>
 *   <li>a tileset in a local frame (metres, z up, as photogrammetry exports "with origin") gets
 *       {@code root.transform = ENU(origin) × root.transform}, the east-north-up frame at the
 *       origin given in the native CRS with its 1985 height H, at ellipsoidal height h = H + ζ;
 *   <li>a georeferenced tileset (ECEF) whose heights are 1985 heights written as ellipsoidal ones
 *       is moved by ζ, and any tileset by an extra offset, along the ellipsoid normal at the root's
 *       centre: the offset is added to the translation of {@code root.transform}, and to the
 *       heights of the region volumes of the root file (regions are not transformed; a region in an
 *       external tileset file is refused, as a local frame with regions is).
 * </ul>
 *
 * The placed root's centre must lie in the service area at a plausible height; its
 * longitude/latitude box is returned for the catalog.
 */
final class RootAdjustment {

  private static final double METRES_PER_DEGREE = 111_320;

  private RootAdjustment() {}

  /**
   * Where a tileset goes.
   *
   * @param origin for a tileset in a local frame: longitude, latitude (degrees) and ellipsoidal
   *     height (m) of its origin; null for a georeferenced one
   * @param offsetM metres to move it up along the normal (negative: down)
   */
  record Placement(double[] origin, double offsetM) {}

  /**
   * Where it went.
   *
   * @param box longitude/latitude box (west, south, east, north), degrees
   * @param centre longitude, latitude and ellipsoidal height of the root volume's centre
   */
  record Placed(double[] box, double[] centre) {}

  /**
   * Adjusts the root of {@code tileset} (the root file) in place.
   *
   * @param regionsHere whether a tile of the root file has a region volume
   * @param regionsElsewhere whether an external tileset file has region volumes
   */
  static Placed apply(
      ObjectNode tileset,
      Placement p,
      boolean regionsHere,
      boolean regionsElsewhere,
      ServiceArea area)
      throws TilesetImportException {
    ObjectNode root = (ObjectNode) tileset.get("root");
    JsonNode volume = root.get("boundingVolume");
    boolean region = volume.has("region");
    if (p.origin() != null && (regionsHere || regionsElsewhere)
        || p.offsetM() != 0 && regionsElsewhere) {
      throw new TilesetImportException(
          "tileset.json: region bounding volumes are geographic and cannot be moved with the root"
              + " transform; place the tileset without --origin/--height-offset or use box volumes");
    }
    double[] m = transform(root);
    if (p.origin() != null) {
      m = Ecef.multiply(Ecef.eastNorthUp(p.origin()[0], p.origin()[1], p.origin()[2]), m);
    }
    double[] centre =
        region ? regionCentre(volume.get("region")) : Ecef.apply(m, localCentre(volume));
    if (p.offsetM() != 0) {
      double[] up = Ecef.up(centre);
      for (int k = 0; k < 3; k++) {
        m[12 + k] += up[k] * p.offsetM();
        centre[k] += up[k] * p.offsetM();
      }
      shiftRegions(root, p.offsetM());
    }
    if (p.origin() != null || p.offsetM() != 0) {
      ArrayNode t = root.putArray("transform");
      for (double v : m) {
        t.add(v);
      }
    }
    double[] g = Ecef.geodetic(centre);
    check(g, area);
    return new Placed(box(volume, g, m), g);
  }

  private static void check(double[] g, ServiceArea area) throws TilesetImportException {
    if (g[0] < area.minLon()
        || g[0] > area.maxLon()
        || g[1] < area.minLat()
        || g[1] > area.maxLat()
        || g[2] < -500
        || g[2] > 9_000) {
      throw new TilesetImportException(
          String.format(
              Locale.ROOT,
              "tileset.json: the root's centre is at %.5f E, %.5f N, %.0f m above the ellipsoid,"
                  + " not in the service area: a tileset in a local frame needs --origin E,N,H",
              g[0],
              g[1],
              g[2]));
    }
  }

  private static double[] box(JsonNode volume, double[] centre, double[] m) {
    if (volume.has("region")) {
      JsonNode r = volume.get("region");
      return new double[] {
        Math.toDegrees(r.get(0).asDouble()), Math.toDegrees(r.get(1).asDouble()),
        Math.toDegrees(r.get(2).asDouble()), Math.toDegrees(r.get(3).asDouble())
      };
    }
    double radius = radius(volume) * scale(m);
    double dLat = radius / METRES_PER_DEGREE;
    double dLon = dLat / Math.cos(Math.toRadians(centre[1]));
    return new double[] {centre[0] - dLon, centre[1] - dLat, centre[0] + dLon, centre[1] + dLat};
  }

  private static double[] regionCentre(JsonNode r) {
    return Ecef.of(
        Math.toDegrees((r.get(0).asDouble() + r.get(2).asDouble()) / 2),
        Math.toDegrees((r.get(1).asDouble() + r.get(3).asDouble()) / 2),
        (r.get(4).asDouble() + r.get(5).asDouble()) / 2);
  }

  private static double[] localCentre(JsonNode volume) {
    JsonNode v = volume.has("box") ? volume.get("box") : volume.get("sphere");
    return new double[] {v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()};
  }

  /** Radius of a box (its half-axes' diagonal) or sphere, in the tile's frame. */
  private static double radius(JsonNode volume) {
    if (volume.has("sphere")) {
      return volume.get("sphere").get(3).asDouble();
    }
    JsonNode b = volume.get("box");
    double r2 = 0;
    for (int k = 3; k < 12; k++) {
      r2 += b.get(k).asDouble() * b.get(k).asDouble();
    }
    return Math.sqrt(r2);
  }

  /** The largest scale of a transform's axes. */
  private static double scale(double[] m) {
    double s = 0;
    for (int c = 0; c < 3; c++) {
      s =
          Math.max(
              s,
              Math.sqrt(
                  m[4 * c] * m[4 * c] + m[4 * c + 1] * m[4 * c + 1] + m[4 * c + 2] * m[4 * c + 2]));
    }
    return s;
  }

  private static void shiftRegions(JsonNode tile, double offsetM) {
    if (tile.path("boundingVolume").get("region") instanceof ArrayNode r) {
      r.set(4, r.numberNode(r.get(4).asDouble() + offsetM));
      r.set(5, r.numberNode(r.get(5).asDouble() + offsetM));
    }
    for (JsonNode child : tile.path("children")) {
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
}
