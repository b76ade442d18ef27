package cn.lzxq.city.data.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A layer, defined once and read by every protocol (WMS, WFS, OGC API, 3D Tiles, analyses, import
 * and export, the viewer through {@code /api/layers}).
 *
 * <p>Identifiers in SQL come only from here, never from a request: the table, the fixed column
 * values, the geometry column and the attribute names are constants of the catalog.
 *
 * @param name stable lowercase identifier, the same in every protocol (e.g. {@code pipe_js})
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param abstractEn English abstract for capabilities documents
 * @param kind vector (features in a table) or raster (a coverage; not served as features)
 * @param table the versioned feature table
 * @param fixedValues column → constant text value that selects the layer's rows of the table (e.g.
 *     {@code network = JS}); an inserted feature gets these values
 * @param geometryColumn the geometry column (in the native CRS, with Z); null for a raster
 * @param geometryKind point, line or polygon; null for a raster
 * @param attributes the public attributes, in display order (the id and time columns are implicit)
 * @param importKey the columns that identify a feature across imports, or null when the layer is
 *     not imported
 * @param tiles what a 3D tile carries of the layer, or null when it is not in 3D Tiles
 */
public record Layer(
    String name,
    String titleZh,
    String titleEn,
    String abstractEn,
    LayerKind kind,
    String table,
    Map<String, String> fixedValues,
    String geometryColumn,
    GeometryKind geometryKind,
    List<Attribute> attributes,
    ImportKey importKey,
    TileContent tiles) {

  /** The stable feature id column shared by all protocols. */
  public static final String ID_COLUMN = "fid";

  public Layer {
    fixedValues = Map.copyOf(new LinkedHashMap<>(fixedValues));
    attributes = List.copyOf(attributes);
    if (tiles != null) {
      for (TileContent.TileProperty p : tiles.properties()) {
        if (p.computed() == null && attributes.stream().noneMatch(a -> a.name().equals(p.name()))) {
          throw new IllegalArgumentException(
              "layer " + name + ": tile property " + p.name() + " is no attribute");
        }
      }
    }
  }

  /**
   * A vector layer of a whole table, with no import key and no 3D content (add them with the
   * withers).
   */
  public static Layer vector(
      String name,
      String titleZh,
      String titleEn,
      String abstractEn,
      String table,
      GeometryKind geometryKind,
      List<Attribute> attributes) {
    return new Layer(
        name,
        titleZh,
        titleEn,
        abstractEn,
        LayerKind.VECTOR,
        table,
        Map.of(),
        "geom",
        geometryKind,
        attributes,
        null,
        null);
  }

  /**
   * A raster layer: a grid of values stored in {@code table} (the rows whose columns hold {@code
   * fixedValues}), served as maps and point values, never as features (no geometry column).
   *
   * @param values the values of a cell, with their titles and units (GetFeatureInfo, /api/layers)
   */
  public static Layer raster(
      String name,
      String titleZh,
      String titleEn,
      String abstractEn,
      String table,
      Map<String, String> fixedValues,
      List<Attribute> values) {
    return new Layer(
        name,
        titleZh,
        titleEn,
        abstractEn,
        LayerKind.RASTER,
        table,
        fixedValues,
        null,
        null,
        values,
        null,
        null);
  }

  /** This layer restricted to the rows whose {@code column} holds {@code value}. */
  public Layer withFixedValue(String column, String value) {
    Map<String, String> values = new LinkedHashMap<>(fixedValues);
    values.put(column, value);
    return new Layer(
        name,
        titleZh,
        titleEn,
        abstractEn,
        kind,
        table,
        values,
        geometryColumn,
        geometryKind,
        attributes,
        importKey,
        tiles);
  }

  /** This layer imported and exported with {@code key}. */
  public Layer withImportKey(ImportKey key) {
    return new Layer(
        name,
        titleZh,
        titleEn,
        abstractEn,
        kind,
        table,
        fixedValues,
        geometryColumn,
        geometryKind,
        attributes,
        key,
        tiles);
  }

  /** This layer carried by 3D tiles as {@code content}. */
  public Layer withTiles(TileContent content) {
    return new Layer(
        name,
        titleZh,
        titleEn,
        abstractEn,
        kind,
        table,
        fixedValues,
        geometryColumn,
        geometryKind,
        attributes,
        importKey,
        content);
  }

  /** The attribute with this name, if the layer has it. */
  public Optional<Attribute> attribute(String attributeName) {
    return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
  }

  /** The 3D tile content, if the layer has one. */
  public Optional<TileContent> tileContent() {
    return Optional.ofNullable(tiles);
  }

  /** The attribute (type, titles, unit) of a property of the layer's tiles. */
  public Attribute tileAttribute(TileContent.TileProperty p) {
    return p.computed() != null ? p.computed() : attribute(p.name()).orElseThrow();
  }

  /** The import key, if the layer is imported. */
  public Optional<ImportKey> importable() {
    return Optional.ofNullable(importKey);
  }

  /** Whether the layer's features are rows of a table (WFS, OGC API Features, WMS vector maps). */
  public boolean isVector() {
    return kind == LayerKind.VECTOR;
  }

  /**
   * The SQL predicate for the layer's rows ({@code TRUE} when the whole table is the layer),
   * columns unqualified.
   */
  public String rowFilter() {
    return rowFilter("");
  }

  /**
   * The SQL predicate for the layer's rows with columns qualified by {@code alias} (empty for
   * none). The values are catalog constants, quoted as SQL literals.
   */
  public String rowFilter(String alias) {
    if (fixedValues.isEmpty()) {
      return "TRUE";
    }
    StringJoiner and = new StringJoiner(" AND ");
    fixedValues.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                and.add(
                    (alias.isEmpty() ? "" : alias + ".")
                        + e.getKey()
                        + " = '"
                        + e.getValue().replace("'", "''")
                        + "'"));
    return and.toString();
  }
}
