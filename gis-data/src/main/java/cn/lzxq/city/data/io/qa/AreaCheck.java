package cn.lzxq.city.data.io.qa;

import cn.lzxq.city.data.ServiceArea;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Tells whether coordinates lie in the {@link ServiceArea}. The CRS84 box is densified and
 * transformed by PostGIS once per input CRS (so a Gauss-Krüger file is checked against the curved
 * outline of the box in its own CRS), then points are tested in Java.
 */
public final class AreaCheck {

  /** Densify the box edges every 0.005° (about 500 m) before transforming it. */
  private static final double DENSIFY_DEGREES = 0.005;

  private static final String SQL =
      "SELECT ST_AsBinary(ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), ?))";

  private final Connection connection;
  private final ServiceArea area;
  private final Map<Integer, PreparedGeometry> bySrid = new HashMap<>();
  private final GeometryFactory factory = new GeometryFactory();

  public AreaCheck(Connection connection, ServiceArea area) {
    this.connection = connection;
    this.area = area;
  }

  /** The service area. */
  public ServiceArea area() {
    return area;
  }

  /** True when the point (x = easting or longitude, y = northing or latitude) lies in the area. */
  public boolean covers(double x, double y, int srid) throws SQLException {
    return outline(srid).covers(factory.createPoint(new Coordinate(x, y)));
  }

  /** True when the whole geometry lies in the area. */
  public boolean covers(Geometry g, int srid) throws SQLException {
    return outline(srid).covers(g);
  }

  private PreparedGeometry outline(int srid) throws SQLException {
    PreparedGeometry cached = bySrid.get(srid);
    if (cached != null) {
      return cached;
    }
    try (PreparedStatement ps = connection.prepareStatement(SQL)) {
      ps.setDouble(1, area.minLon());
      ps.setDouble(2, area.minLat());
      ps.setDouble(3, area.maxLon());
      ps.setDouble(4, area.maxLat());
      ps.setDouble(5, DENSIFY_DEGREES);
      ps.setInt(6, srid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        PreparedGeometry g = PreparedGeometryFactory.prepare(new WKBReader().read(rs.getBytes(1)));
        bySrid.put(srid, g);
        return g;
      }
    } catch (ParseException e) {
      throw new SQLException("unreadable service area outline", e);
    }
  }
}
