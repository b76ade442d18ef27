package cn.lzxq.city.data.io;

import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.io.cityjson.CityJsonSource;
import cn.lzxq.city.data.io.cjj61.Cjj61Importer;
import cn.lzxq.city.data.io.cjj61.Dictionaries;
import cn.lzxq.city.data.io.feature.FeatureImporter;
import cn.lzxq.city.data.io.feature.FeatureSource;
import cn.lzxq.city.data.io.geojson.GeoJsonSource;
import cn.lzxq.city.data.io.gpkg.GpkgSource;
import cn.lzxq.city.data.io.qa.AreaCheck;
import cn.lzxq.city.data.io.qa.Issues;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.qa.QaReport;
import cn.lzxq.city.data.io.shp.ShapefileSource;
import cn.lzxq.city.data.io.table.TableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Imports a set of files in one transaction: CJJ 61 survey tables (CSV, XLSX), GeoJSON, GeoPackage,
 * shapefiles and CityJSON. Every file is checked first and every problem reported; only when there
 * is no error (and it is not a dry run) is anything written, and then either all of it or nothing.
 * The entry point for the command line and the server.
 */
public final class CityImporter {

  private final DataSource dataSource;

  public CityImporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Checks and (unless a dry run or there are errors) imports the files.
   *
   * @return the QA report: every issue with file, row and column, and the versions written
   */
  public QaReport importFiles(List<Path> files, ImportOptions options, ProgressSink progress)
      throws SQLException, IOException {
    Issues issues = new Issues();
    List<Path> tables = new ArrayList<>();
    List<FeatureSource> features = new ArrayList<>();
    classify(files, tables, features, issues);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        AreaCheck area = new AreaCheck(c, options.serviceArea());
        int srid =
            options.sourceSrid() != null
                ? options.sourceSrid()
                : TableColumns.load(c, "pipe_point").nativeSrid();
        Cjj61Importer survey =
            new Cjj61Importer(c, Dictionaries.load(c), area, srid, options.encoding());
        FeatureImporter featureImporter = new FeatureImporter(c, area);
        Map<FeatureSource, LayerTable> layers = new LinkedHashMap<>();
        if (!tables.isEmpty()) {
          survey.validate(tables, issues);
        }
        for (FeatureSource f : features) {
          LayerTable layer = layerOf(f, options, issues);
          if (layer != null && knownSrid(c, f, issues)) {
            featureImporter.validate(f, layer, issues);
            layers.put(f, layer);
          }
        }
        if (issues.hasErrors() || options.dryRun()) {
          c.rollback();
          return new QaReport(issues.all(), Map.of());
        }
        Map<String, Long> written = new LinkedHashMap<>();
        if (!tables.isEmpty()) {
          survey
              .write(tables, options.user(), progress)
              .forEach((t, n) -> written.merge(t, n, Long::sum));
        }
        for (Map.Entry<FeatureSource, LayerTable> e : layers.entrySet()) {
          written.merge(
              e.getValue().table(),
              featureImporter.write(e.getKey(), e.getValue(), options.user(), progress),
              Long::sum);
        }
        c.commit();
        return new QaReport(issues.all(), written);
      } catch (VersionedWriter.RowRejectedException e) {
        Transactions.rollbackQuietly(c, e);
        issues.error(e.file(), e.row(), "", QaCode.DATABASE, e.getMessage());
        return new QaReport(issues.all(), Map.of());
      } catch (SQLException | IOException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /** Sorts the files by format; reports missing files and unknown formats. */
  private static void classify(
      List<Path> files, List<Path> tables, List<FeatureSource> features, Issues issues)
      throws IOException {
    for (Path file : files) {
      String name = file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (!Files.isReadable(file)) {
        issues.error(name, 0, "", QaCode.FILE, "not found or not readable 文件不存在");
      } else if (TableReader.forFile(file, null) != null) {
        tables.add(file);
      } else if (lower.endsWith(".gpkg")) {
        features.addAll(GpkgSource.open(file));
      } else if (lower.endsWith(".geojson")
          || lower.endsWith(".json")
          || lower.endsWith(".cityjson")
          || lower.endsWith(".shp")) {
        try {
          features.add(featureFile(file, lower));
        } catch (IOException e) {
          issues.error(name, 0, "", QaCode.FILE, e.getMessage());
        }
      } else {
        issues.error(
            name,
            0,
            "",
            QaCode.FILE,
            "unknown format (.csv .xlsx .geojson .json .gpkg .shp .city.json) 不支持的格式");
      }
    }
  }

  /** A GeoJSON, CityJSON ({@code .cityjson}, or JSON of type CityJSON) or shapefile source. */
  private static FeatureSource featureFile(Path file, String lower) throws IOException {
    if (lower.endsWith(".shp")) {
      return ShapefileSource.open(file);
    }
    if (lower.endsWith(".cityjson") || CityJsonSource.isCityJson(file)) {
      return CityJsonSource.open(file);
    }
    return GeoJsonSource.open(file);
  }

  private static LayerTable layerOf(FeatureSource f, ImportOptions options, Issues issues) {
    String name = options.layer() != null ? options.layer() : f.layerName();
    LayerTable layer = name == null ? null : LayerTable.byName(name).orElse(null);
    if (layer == null) {
      issues.error(
          f.source(),
          0,
          "",
          QaCode.FILE,
          "'" + name + "' is not a layer; name one with --layer 图层未知");
    }
    return layer;
  }

  private static boolean knownSrid(Connection c, FeatureSource f, Issues issues)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM spatial_ref_sys WHERE srid = ?")) {
      ps.setInt(1, f.srid());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return true;
        }
      }
    }
    issues.error(
        f.source(), 0, "", QaCode.FILE, "CRS EPSG:" + f.srid() + " is unknown to PostGIS 坐标系未知");
    return false;
  }
}
