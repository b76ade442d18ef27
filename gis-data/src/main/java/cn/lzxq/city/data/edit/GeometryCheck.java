package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/**
 * The rules every written geometry meets, whatever the protocol: not empty, finite coordinates,
 * lines of at least two distinct points, closed rings of at least four positions, valid per PostGIS
 * {@code ST_IsValid} (the refusal quotes {@code ST_IsValidReason}), and inside the service area
 * widened by a margin. The area test transforms to CRS84 in PostGIS, so a geometry in the wrong CRS
 * (e.g. projected metres sent as degrees) lands outside and is refused. Failures are {@link
 * EditException} with reason INVALID.
 */
public final class GeometryCheck {

  private final ServiceArea area;

  /**
   * @param area the service area (CRS84 degrees)
   * @param marginDegrees how far outside the area a geometry may reach, degrees
   */
  public GeometryCheck(ServiceArea area, double marginDegrees) {
    this.area =
        new ServiceArea(
            area.minLon() - marginDegrees,
            area.minLat() - marginDegrees,
            area.maxLon() + marginDegrees,
            area.maxLat() + marginDegrees);
  }

  /** The area geometries must lie in, margin included. */
  public ServiceArea area() {
    return area;
  }

  /**
   * The rules that need no database: emptiness, finite coordinates, one dimension for all
   * positions, distinct line points, closed rings.
   */
  public static void checkShape(Geometry g) {
    if (g == null) {
      return;
    }
    if (g.isEmpty()) {
      throw invalid("the geometry is empty");
    }
    Coordinate[] all = g.getCoordinates();
    for (Coordinate c : all) {
      if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY()) || Double.isInfinite(c.getZ())) {
        throw invalid("a coordinate is not a finite number: " + c);
      }
    }
    long withHeight = Arrays.stream(all).filter(c -> !Double.isNaN(c.getZ())).count();
    if (withHeight != 0 && withHeight != all.length) {
      throw invalid("either every position has a height or none does");
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p) {
        ring(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(p.getInteriorRingN(h));
        }
      } else if (part instanceof LineString l
          && Arrays.stream(l.getCoordinates()).map(Coordinate::new).distinct().count() < 2) {
        throw invalid("a line needs at least two distinct points");
      }
    }
  }

  private static void ring(LineString r) {
    Coordinate[] c = r.getCoordinates();
    if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
      throw invalid("a polygon ring must be closed and have at least four positions");
    }
  }

  /**
   * All rules, the database ones in PostGIS on {@code c}; a savepoint keeps the transaction usable
   * when PostGIS cannot transform the geometry at all.
   */
  public void check(Connection c, Geometry g) throws SQLException {
    checkShape(g);
    if (g == null) {
      return;
    }
    Savepoint before = c.setSavepoint();
    boolean valid;
    String reason;
    boolean inside;
    try (PreparedStatement ps = c.prepareStatement(SqlTemplate.load("edit/geometry_check"))) {
      ps.setBytes(1, new WKBWriter(2).write(g));
      ps.setInt(2, g.getSRID());
      ps.setDouble(3, area.minLon());
      ps.setDouble(4, area.minLat());
      ps.setDouble(5, area.maxLon());
      ps.setDouble(6, area.maxLat());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        valid = rs.getBoolean(1);
        reason = rs.getString(2);
        inside = rs.getBoolean(3);
      }
    } catch (SQLException e) {
      c.rollback(before);
      throw invalid(
          "the geometry cannot be placed in EPSG:"
              + g.getSRID()
              + "; it lies outside "
              + describe());
    }
    c.releaseSavepoint(before);
    if (!valid) {
      throw invalid("invalid geometry: " + reason);
    }
    if (!inside) {
      throw invalid("the geometry lies outside " + describe() + " (wrong CRS or swapped axes?)");
    }
  }

  private String describe() {
    return String.format(
        "the service area %.2f–%.2f°E, %.2f–%.2f°N",
        area.minLon(), area.maxLon(), area.minLat(), area.maxLat());
  }

  private static EditException invalid(String message) {
    return new EditException(EditException.Reason.INVALID, message);
  }
}
