package cn.lzxq.city.data.io.feature;

import cn.lzxq.city.data.edit.EditException;
import cn.lzxq.city.data.edit.GeometryCheck;
import cn.lzxq.city.data.io.LayerTable;
import cn.lzxq.city.data.io.ProgressSink;
import cn.lzxq.city.data.io.SqlColumn;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.io.TableColumns.Column;
import cn.lzxq.city.data.io.VersionedWriter;
import cn.lzxq.city.data.io.qa.AreaCheck;
import cn.lzxq.city.data.io.qa.Issues;
import cn.lzxq.city.data.io.qa.QaCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Imports a layer of features from a GeoJSON file, GeoPackage table, shapefile or CityJSON file
 * into its layer table. Properties are matched to the table's columns by name (from the catalog);
 * values are checked against the column types, NOT NULL and the foreign-key code lists before
 * anything is written; geometries are sent as WKB with their SRID and transformed in PostGIS.
 */
public final class FeatureImporter {

  private final Connection connection;
  private final AreaCheck area;

  public FeatureImporter(Connection connection, AreaCheck area) {
    this.connection = connection;
    this.area = area;
  }

  /**
   * Checks every feature of the source as a feature of the layer; problems go to {@code issues}.
   */
  public void validate(FeatureSource source, LayerTable layer, Issues issues)
      throws IOException, SQLException {
    TableColumns table = TableColumns.load(connection, layer.table());
    List<ForeignKeys> keys = ForeignKeys.load(connection, layer.table());
    Set<String> seen = new HashSet<>();
    Set<String> unknown = new HashSet<>();
    read(
        source,
        f -> {
          Map<String, Object> values = FeatureRow.values(f, layer, table, source, issues);
          checkGeometry(source, f, table.geometry(), issues);
          checkRequired(source, f, table, values, issues);
          checkCodes(source, f, keys, values, issues);
          checkDuplicateKey(source, f, layer, values, seen, issues);
          warnUnknownProperties(source, f, table, unknown, issues);
        });
  }

  /**
   * Writes the features of a validated source as new versions, in the caller's transaction.
   *
   * @return the number of versions written
   */
  public long write(FeatureSource source, LayerTable layer, String user, ProgressSink progress)
      throws IOException, SQLException {
    TableColumns table = TableColumns.load(connection, layer.table());
    List<Column> columns = table.attributes();
    List<SqlColumn> sql =
        columns.stream().map(c -> c.isGeometry() ? SqlColumn.wkb(c) : SqlColumn.text(c)).toList();
    Issues ignored = new Issues();
    try (VersionedWriter writer =
            VersionedWriter.of(connection, layer, table, sql, user, source.source());
        ProgressSink.Step step = progress.start("import " + layer.layer(), 0)) {
      read(
          source,
          f -> {
            Map<String, Object> values = FeatureRow.values(f, layer, table, source, ignored);
            List<Object> params = new ArrayList<>();
            for (Column c : columns) {
              if (c.isGeometry()) {
                params.add(
                    FeatureRow.wkb((org.locationtech.jts.geom.Geometry) values.get(c.name())));
                params.add(source.srid());
              } else {
                params.add(values.get(c.name()));
              }
            }
            writer.write(
                f.number(), layer.key().stream().map(k -> (String) values.get(k)).toList(), params);
            step.advance(1);
          });
      writer.flush();
      return writer.written();
    }
  }

  private void checkGeometry(FeatureSource source, FeatureRecord f, Column geom, Issues issues)
      throws SQLException {
    if (f.geometry() == null) {
      issues.error(
          source.source(),
          f.number(),
          "geometry",
          QaCode.GEOMETRY,
          f.geometryProblem() != null ? f.geometryProblem() : "missing 缺少几何");
      return;
    }
    String shape = shapeProblem(f.geometry());
    if (shape != null) {
      issues.error(source.source(), f.number(), "geometry", QaCode.GEOMETRY, shape);
    } else if (FeatureRow.fit(f.geometry(), geom) == null) {
      issues.error(
          source.source(),
          f.number(),
          "geometry",
          QaCode.GEOMETRY,
          f.geometry().getGeometryType() + " where the layer has " + geom.geometryType());
    } else if (!area.covers(f.geometry(), source.srid())) {
      issues.error(
          source.source(),
          f.number(),
          "geometry",
          QaCode.OUTSIDE_SERVICE_AREA,
          f.geometry().getEnvelopeInternal()
              + " (EPSG:"
              + source.srid()
              + ") is outside "
              + area.area());
    }
  }

  /**
   * What breaks the geometry rules of every write ({@link GeometryCheck}) or JTS validity; null
   * when nothing.
   */
  private static String shapeProblem(Geometry g) {
    try {
      GeometryCheck.checkShape(g);
    } catch (EditException e) {
      return e.getMessage();
    }
    TopologyValidationError invalid = new IsValidOp(g).getValidationError();
    return invalid == null ? null : "invalid geometry: " + invalid;
  }

  private static void checkRequired(
      FeatureSource source,
      FeatureRecord f,
      TableColumns table,
      Map<String, Object> values,
      Issues issues) {
    for (Column c : table.attributes()) {
      if (c.notNull()
          && c.defaultExpr() == null
          && !c.name().equals("geom")
          && values.get(c.name()) == null) {
        issues.error(source.source(), f.number(), c.name(), QaCode.MISSING_FIELD, c.name());
      }
    }
  }

  private static void checkCodes(
      FeatureSource source,
      FeatureRecord f,
      List<ForeignKeys> keys,
      Map<String, Object> values,
      Issues issues) {
    for (ForeignKeys fk : keys) {
      List<Object> given = fk.columns().stream().map(values::get).toList();
      if (!given.stream().allMatch(v -> v instanceof String)) {
        continue;
      }
      List<String> tuple = given.stream().map(String.class::cast).toList();
      if (!fk.values().contains(tuple)) {
        issues.error(
            source.source(),
            f.number(),
            String.join("+", fk.columns()),
            fk.issueCode(),
            "'" + String.join("/", tuple) + "' not in " + fk.table());
      }
    }
  }

  private static void checkDuplicateKey(
      FeatureSource source,
      FeatureRecord f,
      LayerTable layer,
      Map<String, Object> values,
      Set<String> seen,
      Issues issues) {
    List<String> key =
        new ArrayList<>(layer.key().stream().map(k -> String.valueOf(values.get(k))).toList());
    if (layer.keyEitherDirection()) {
      key.sort(null);
    }
    if (!seen.add(String.join("\u0000", key))) {
      issues.error(
          source.source(),
          f.number(),
          String.join("+", layer.key()),
          QaCode.DUPLICATE_KEY,
          String.join(" / ", key));
    }
  }

  private static void warnUnknownProperties(
      FeatureSource source,
      FeatureRecord f,
      TableColumns table,
      Set<String> reported,
      Issues issues) {
    Set<String> known = new HashSet<>();
    table.columns().forEach(c -> known.add(source.propertyName(c.name())));
    for (String name : f.properties().keySet()) {
      if (!known.contains(name)
          && !TableColumns.VERSIONING.contains(name)
          && !name.equals("id")
          && reported.add(name)) {
        issues.warning(source.source(), f.number(), name, QaCode.UNKNOWN_PROPERTY, name);
      }
    }
  }

  private interface FeatureAction {
    void accept(FeatureRecord f) throws SQLException;
  }

  private static void read(FeatureSource source, FeatureAction action)
      throws IOException, SQLException {
    Map<String, SQLException> failure = new HashMap<>();
    Consumer<FeatureRecord> sink =
        f -> {
          if (failure.isEmpty()) {
            try {
              action.accept(f);
            } catch (SQLException e) {
              failure.put("", e);
            }
          }
        };
    try {
      source.read(sink);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!failure.isEmpty()) {
      throw failure.get("");
    }
  }
}
