package cn.lzxq.city.data.io.cityjson;

import cn.lzxq.city.data.io.feature.FeatureRecord;
import cn.lzxq.city.data.io.feature.FeatureSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buildings of a CityJSON file (1.0, 1.1, 2.0): each top-level {@code Building} (with its
 * {@code BuildingPart}s) is one feature of the {@code building} layer, numbered in file order. The
 * file is read whole (CityJSON objects share one vertex list); the CRS is {@code
 * metadata.referenceSystem} (an EPSG code; Z is taken as the 1985 height datum). What a building
 * becomes is {@link CityJsonBuilding}'s job: footprint, heights and, for LOD2, walls and roofs.
 */
public final class CityJsonSource implements FeatureSource {

  /** Largest file read (the whole file is held in memory). */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private static final Pattern EPSG =
      Pattern.compile("EPSG(?:/0/|::|:)(\\d+)$", Pattern.CASE_INSENSITIVE);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final int srid;

  private CityJsonSource(Path file, int srid) {
    this.file = file;
    this.srid = srid;
  }

  /** Whether a JSON file is CityJSON: its top-level {@code type} member is {@code CityJSON}. */
  public static boolean isCityJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String member = p.currentName();
        p.nextToken();
        if (member.equals("type")) {
          return p.currentToken() == JsonToken.VALUE_STRING && p.getString().equals("CityJSON");
        }
        p.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      return false;
    }
  }

  /**
   * Opens a CityJSON file and reads its CRS.
   *
   * @throws IOException naming the file: not CityJSON, too large, or no EPSG reference system
   */
  public static CityJsonSource open(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(name + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB 文件过大");
    }
    JsonNode root = tree(file);
    String crs = root.path("metadata").path("referenceSystem").asString("");
    Matcher m = EPSG.matcher(crs.strip());
    if (!m.find()) {
      throw new IOException(
          name
              + ": metadata.referenceSystem '"
              + crs
              + "' names no EPSG CRS (e.g. https://www.opengis.net/def/crs/EPSG/0/4544) 缺少坐标系");
    }
    return new CityJsonSource(file, Integer.parseInt(m.group(1)));
  }

  private static JsonNode tree(Path file) throws IOException {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!"CityJSON".equals(root.path("type").asString(""))) {
        throw new IOException(file.getFileName() + ": not a CityJSON object (type CityJSON)");
      }
      return root;
    } catch (JacksonException e) {
      throw new IOException(
          file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String source() {
    return file.getFileName().toString();
  }

  @Override
  public int srid() {
    return srid;
  }

  /** CityJSON buildings go to the {@code building} layer. */
  @Override
  public String layerName() {
    return "building";
  }

  @Override
  public void read(Consumer<FeatureRecord> sink) throws IOException {
    JsonNode root = tree(file);
    CityJsonVertices vertices = CityJsonVertices.of(root);
    JsonNode objects = root.path("CityObjects");
    long n = 0;
    for (Map.Entry<String, JsonNode> e : objects.properties()) {
      JsonNode o = e.getValue();
      if (!o.path("type").asString("").equals("Building") || o.has("parents")) {
        continue;
      }
      List<JsonNode> geometries = new ArrayList<>();
      o.path("geometry").values().forEach(geometries::add);
      for (JsonNode child : o.path("children").values()) {
        objects.path(child.asString("")).path("geometry").values().forEach(geometries::add);
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("building_code", e.getKey());
      o.path("attributes")
          .properties()
          .forEach(a -> properties.put(a.getKey(), value(a.getValue())));
      sink.accept(CityJsonBuilding.feature(++n, properties, geometries, vertices));
    }
  }

  private static Object value(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.isContainer() ? v.toString() : v.asString();
  }
}
