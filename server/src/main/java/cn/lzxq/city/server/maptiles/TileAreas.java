package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.server.db.DatabaseProperties;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * The CGCS2000 longitude/latitude box (degrees: west, south, east, north) of a window in a tile
 * matrix set's CRS: what the change log's boxes are compared with. Web Mercator is inverted in
 * closed form, CGCS2000 needs nothing, the native CRS goes through {@link NativeLonLat} (read from
 * PostGIS on first use).
 */
@Component
public class TileAreas {

  private static final double R = 6_378_137;

  private final ReadExecutor reads;
  private final int nativeSrid;
  private volatile NativeLonLat nativeGrid;

  public TileAreas(ReadExecutor reads, DatabaseProperties db) {
    this.reads = reads;
    this.nativeSrid = db.nativeSrid();
  }

  /** The lon/lat box of {@code window} (x = easting or longitude) in the set's CRS. */
  public double[] lonLat(TileMatrixSet set, Envelope window) {
    int srid = set.crs().srid();
    if (srid == 3857) {
      return new double[] {
        Math.max(-180, Math.toDegrees(window.getMinX() / R)),
        latitude(window.getMinY()),
        Math.min(180, Math.toDegrees(window.getMaxX() / R)),
        latitude(window.getMaxY())
      };
    }
    if (srid == 4490 || srid == 4326) {
      return new double[] {
        Math.max(-180, window.getMinX()),
        Math.max(-90, window.getMinY()),
        Math.min(180, window.getMaxX()),
        Math.min(90, window.getMaxY())
      };
    }
    if (srid != nativeSrid) {
      throw new IllegalArgumentException("no lon/lat mapping for EPSG:" + srid);
    }
    return nativeBox(window);
  }

  /**
   * The window of a lon/lat box (west, south, east, north degrees) in the set's CRS, x = easting or
   * longitude (transformed by PostGIS).
   */
  public Envelope window(TileMatrixSet set, double[] lonLat) {
    return reads
        .rows(
            SqlTemplate.load("maptiles/window"),
            Map.of(
                "west", lonLat[0],
                "south", lonLat[1],
                "east", lonLat[2],
                "north", lonLat[3],
                "srid", set.crs().srid()),
            rs ->
                new Envelope(
                    rs.getDouble("min_x"),
                    rs.getDouble("max_x"),
                    rs.getDouble("min_y"),
                    rs.getDouble("max_y")))
        .get(0);
  }

  private double[] nativeBox(Envelope w) {
    NativeLonLat g = nativeGrid;
    if (g == null) {
      g = NativeLonLat.load(reads, nativeSrid, ServiceArea.LANZHOU_NEW_AREA);
      nativeGrid = g;
    }
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    double[] xs = {w.getMinX(), (w.getMinX() + w.getMaxX()) / 2, w.getMaxX()};
    double[] ys = {w.getMinY(), (w.getMinY() + w.getMaxY()) / 2, w.getMaxY()};
    for (double x : xs) {
      for (double y : ys) {
        double[] p = g.toLonLat(x, y);
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.min(box[1], p[1]);
        box[2] = Math.max(box[2], p[0]);
        box[3] = Math.max(box[3], p[1]);
      }
    }
    double pad = NativeLonLat.PAD_DEG;
    return new double[] {box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad};
  }

  private static double latitude(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / R)));
  }
}
