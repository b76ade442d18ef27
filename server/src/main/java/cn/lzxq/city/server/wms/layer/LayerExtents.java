package cn.lzxq.city.server.wms.layer;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.LayerMeasure;
import cn.lzxq.city.data.ortho.DomStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The extent of each catalog layer in every served CRS (x = easting/longitude), for capabilities
 * BoundingBox elements: a vector layer's from the native box of its current rows that the layer
 * measurements read (shared with {@code /api/layers}), a raster layer's from its image or grid (the
 * caller caches them); a layer without rows gets the service area. Boxes are computed in PostGIS
 * from the densified native box.
 */
public final class LayerExtents {

  private static final String SQL =
      """
      WITH e AS (
        SELECT coalesce(%s, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?)) AS g
      )
      SELECT s.srid, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
      FROM e, unnest(?::int[]) AS s(srid),
           LATERAL (SELECT ST_Transform(ST_Segmentize(ST_Envelope(e.g), greatest(ST_XMax(e.g) - ST_XMin(e.g),
                    ST_YMax(e.g) - ST_YMin(e.g), 1) / 16), s.srid)::box2d AS b) x
      """;

  private LayerExtents() {}

  /**
   * The extents by layer name, then by CRS.
   *
   * @param measured each vector layer's measure (its native box), by layer name
   */
  public static Map<String, Map<CrsRef, Envelope>> load(
      ReadExecutor reads, int nativeSrid, LayerCatalog catalog, Map<String, LayerMeasure> measured)
      throws SQLException {
    List<CrsRef> served = ServedCrs.forNative(nativeSrid);
    return reads.read(
        tx -> {
          Map<String, Map<CrsRef, Envelope>> out = new HashMap<>();
          for (Layer layer : catalog.all()) {
            String box =
                layer.isVector()
                    ? nativeBox(measured.get(layer.name()), nativeSrid)
                    : layer.table().equals(DomStore.TABLE) ? imageExtent() : gridExtent(nativeSrid);
            out.put(layer.name(), extent(tx.connection(), box, nativeSrid, served));
          }
          return out;
        });
  }

  /** A vector layer's measured box as an SQL envelope, or NULL when it has no current rows. */
  private static String nativeBox(LayerMeasure measure, int nativeSrid) {
    if (measure == null || measure.nativeBox() == null) {
      return "NULL::geometry";
    }
    Envelope b = measure.nativeBox();
    return String.format(
        Locale.ROOT,
        "ST_MakeEnvelope(%s, %s, %s, %s, %d)",
        b.getMinX(),
        b.getMinY(),
        b.getMaxX(),
        b.getMaxY(),
        nativeSrid);
  }

  private static Map<CrsRef, Envelope> extent(
      Connection c, String measured, int nativeSrid, List<CrsRef> served) throws SQLException {
    ServiceArea a = ServiceArea.LANZHOU_NEW_AREA;
    Map<CrsRef, Envelope> boxes = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(String.format(SQL, measured))) {
      ps.setDouble(1, a.minLon());
      ps.setDouble(2, a.minLat());
      ps.setDouble(3, a.maxLon());
      ps.setDouble(4, a.maxLat());
      ps.setInt(5, nativeSrid);
      ps.setArray(
          6, c.createArrayOf("int4", served.stream().map(CrsRef::srid).distinct().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        Map<Integer, Envelope> bySrid = new HashMap<>();
        while (rs.next()) {
          bySrid.put(
              rs.getInt(1),
              new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5)));
        }
        served.forEach(crs -> boxes.put(crs, bySrid.get(crs.srid())));
      }
    }
    return boxes;
  }

  /** The extent of the current orthophoto (table dom, V71), native CRS. */
  private static String imageExtent() {
    return "(SELECT geom FROM dom WHERE " + ValidTime.now("dom") + ")";
  }

  /** The frame of the latest current coverage grid, native CRS: a raster layer's extent. */
  private static String gridExtent(int nativeSrid) {
    return "(SELECT ST_MakeEnvelope(west, north - height * cell_m, west + width * cell_m, north, "
        + nativeSrid
        + ") FROM coverage_grid WHERE "
        + ValidTime.open("")
        + " ORDER BY computed_at DESC, id DESC LIMIT 1)";
  }
}
