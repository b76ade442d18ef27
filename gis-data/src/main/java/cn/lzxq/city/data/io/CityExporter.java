package cn.lzxq.city.data.io;

import cn.lzxq.city.data.io.geojson.GeoJsonWriter;
import cn.lzxq.city.data.io.gpkg.GpkgWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Exports layers as they are now or were at a time, streaming from a database cursor: GeoPackage
 * (one file, a table per layer, native CRS) or GeoJSON (CRS84, a file per layer). The entry point
 * for the command line and the server.
 */
public final class CityExporter {

  private final DataSource dataSource;

  public CityExporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes a GeoPackage with one table per layer.
   *
   * @param asOf the time the data must be valid at, or null for the current versions
   * @return features written per layer
   */
  public Map<String, Long> exportGpkg(
      Path file, List<LayerTable> layers, Instant asOf, ProgressSink progress)
      throws SQLException, IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (GpkgWriter gpkg = GpkgWriter.create(file, wkt(c, 4326))) {
        int srid = TableColumns.load(c, "pipe_point").nativeSrid();
        gpkg.addEpsg(srid, "EPSG:" + srid, wkt(c, srid));
        for (LayerTable layer : layers) {
          LayerCursor cursor = new LayerCursor(layer, TableColumns.load(c, layer.table()));
          GpkgWriter.LayerWriter out =
              gpkg.layer(
                  layer.layer(),
                  layer.layer(),
                  cursor.columns(),
                  cursor.geometry().geometryType(),
                  cursor.geometry().srid());
          try (ProgressSink.Step step =
              progress.start("export " + layer.layer(), cursor.count(c, asOf))) {
            cursor.stream(
                c,
                asOf,
                LayerCursor.Encoding.WKB_NATIVE,
                rs -> {
                  out.write(rs);
                  step.advance(1);
                });
          }
          counts.put(layer.layer(), out.finish());
        }
      }
    }
    return counts;
  }

  /**
   * Writes one RFC 7946 GeoJSON file per layer.
   *
   * @param out the file when one layer is exported to a path ending in .geojson or .json, otherwise
   *     a directory that receives {@code <layer>.geojson} files
   * @param asOf the time the data must be valid at, or null for the current versions
   * @return features written per layer
   */
  public Map<String, Long> exportGeoJson(
      Path out, List<LayerTable> layers, Instant asOf, ProgressSink progress)
      throws SQLException, IOException {
    boolean single =
        layers.size() == 1 && out.getFileName().toString().matches("(?i).*\\.(geo)?json$");
    if (!single) {
      Files.createDirectories(out);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (LayerTable layer : layers) {
        Path file = single ? out : out.resolve(layer.layer() + ".geojson");
        LayerCursor cursor = new LayerCursor(layer, TableColumns.load(c, layer.table()));
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file));
            GeoJsonWriter json = new GeoJsonWriter(stream, layer.layer(), cursor.columns());
            ProgressSink.Step step =
                progress.start("export " + layer.layer(), cursor.count(c, asOf))) {
          cursor.stream(
              c,
              asOf,
              LayerCursor.Encoding.GEOJSON_CRS84,
              rs -> {
                json.write(rs);
                step.advance(1);
              });
          counts.put(layer.layer(), json.count());
        }
      }
    }
    return counts;
  }

  /** Exports in a format; see {@link #exportGpkg} and {@link #exportGeoJson}. */
  public Map<String, Long> export(
      ExportFormat format, Path out, List<LayerTable> layers, Instant asOf, ProgressSink progress)
      throws SQLException, IOException {
    return format == ExportFormat.GPKG
        ? exportGpkg(out, layers, asOf, progress)
        : exportGeoJson(out, layers, asOf, progress);
  }

  private static String wkt(Connection c, int srid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT srtext FROM spatial_ref_sys WHERE srid = ?")) {
      ps.setInt(1, srid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("EPSG:" + srid + " is not in spatial_ref_sys");
        }
        return rs.getString(1);
      }
    }
  }
}
