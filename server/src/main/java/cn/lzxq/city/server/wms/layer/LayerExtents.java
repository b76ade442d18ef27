package cn.lzxq.city.server.wms.layer;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.ortho.DomStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * The extent of each catalog layer in every served CRS (x = easting/longitude), for capabilities
 * BoundingBox elements, measured over the current rows (the caller caches them); a layer without
 * rows gets the service area. Boxes are computed in PostGIS from the densified native box.
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

  /** The extents by layer name, then by CRS. */
  public static Map<String, Map<CrsRef, Envelope>> load(
      ReadExecutor reads, int nativeSrid, LayerCatalog catalog) throws SQLException {
    List<CrsRef> served = ServedCrs.forNative(nativeSrid);
    return reads.read(
        tx -> {
          Map<String, String> measured = measuredBoxes(tx.connection(), catalog, nativeSrid);
          Map<String, Map<CrsRef, Envelope>> out = new HashMap<>();
          for (Layer layer : catalog.all()) {
            String box =
                layer.isVector()
                    ? measured.getOrDefault(layer.name(), "NULL::geometry")
                    : layer.table().equals(DomStore.TABLE) ? imageExtent() : gridExtent(nativeSrid);
            out.put(layer.name(), extent(tx.connection(), box, nativeSrid, served));
          }
          return out;
        });
  }

  /**
   * The native box of every vector layer with current rows, as an SQL envelope: one scan per table
   * and geometry column (the six pipe networks share one scan of {@code pipe_segment}), each
   * layer's box an aggregate filtered by its row predicate, so layers whose rows overlap are right.
   */
  private static Map<String, String> measuredBoxes(
      Connection c, LayerCatalog catalog, int nativeSrid) throws SQLException {
    Map<String, List<Layer>> byColumn =
        catalog.all().stream()
            .filter(Layer::isVector)
            .collect(
                Collectors.groupingBy(
                    l -> l.table() + "." + l.geometryColumn(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    Map<String, String> boxes = new HashMap<>();
    for (List<Layer> layers : byColumn.values()) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(extentsOf(layers))) {
        rs.next();
        for (int i = 0; i < layers.size(); i++) {
          if (rs.getObject(4 * i + 1) != null) {
            boxes.put(
                layers.get(i).name(),
                String.format(
                    Locale.ROOT,
                    "ST_MakeEnvelope(%s, %s, %s, %s, %d)",
                    rs.getDouble(4 * i + 1),
                    rs.getDouble(4 * i + 2),
                    rs.getDouble(4 * i + 3),
                    rs.getDouble(4 * i + 4),
                    nativeSrid));
          }
        }
      }
    }
    return boxes;
  }

  /** One statement: per layer of one table and geometry column, the box of its current rows. */
  private static String extentsOf(List<Layer> layers) {
    Layer first = layers.get(0);
    String geom = "t." + first.geometryColumn();
    StringBuilder boxes = new StringBuilder();
    StringBuilder corners = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      boxes.append(i == 0 ? "" : ", ").append("ST_Extent(").append(geom);
      boxes
          .append(") FILTER (WHERE ")
          .append(layers.get(i).rowFilter("t"))
          .append(") AS e")
          .append(i);
      corners.append(i == 0 ? "" : ", ");
      corners.append(
          String.format(
              Locale.ROOT, "ST_XMin(e%1$d), ST_YMin(e%1$d), ST_XMax(e%1$d), ST_YMax(e%1$d)", i));
    }
    return "SELECT "
        + corners
        + " FROM (SELECT "
        + boxes
        + " FROM "
        + first.table()
        + " t WHERE "
        + ValidTime.now("t")
        + " AND "
        + geom
        + "_finite) x";
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
