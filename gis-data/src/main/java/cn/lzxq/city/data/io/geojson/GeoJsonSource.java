package cn.lzxq.city.data.io.geojson;

import cn.lzxq.city.data.io.feature.FeatureRecord;
import cn.lzxq.city.data.io.feature.FeatureSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * A GeoJSON FeatureCollection read as a stream: one feature in memory at a time. Coordinates are
 * RFC 7946 CRS84 (longitude, latitude) unless a legacy {@code crs} member names an EPSG code
 * (EPSG:4544, EPSG:4490 …; urn:ogc:def:crs:EPSG::4544 as GDAL writes it).
 */
public final class GeoJsonSource implements FeatureSource {

  private static final Pattern EPSG = Pattern.compile("EPSG:*(\\d+)$", Pattern.CASE_INSENSITIVE);

  /** Reads one member or feature at a time from a stream, so tokens follow each value read. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Path file;
  private final int srid;
  private final String name;

  private GeoJsonSource(Path file, int srid, String name) {
    this.file = file;
    this.srid = srid;
    this.name = name;
  }

  /**
   * Opens a file: a first streaming pass reads the top-level {@code crs} and {@code name} members.
   *
   * @throws IOException when the file is not JSON or names a CRS that is not EPSG
   */
  public static GeoJsonSource open(Path file) throws IOException {
    int srid = 4326;
    String name = null;
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, file);
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String member = p.currentName();
        p.nextToken();
        if (member.equals("crs")) {
          srid = srid(JSON.readTree(p), file);
        } else if (member.equals("name") && p.currentToken() == JsonToken.VALUE_STRING) {
          name = p.getString();
        } else {
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw new IOException(
          file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (name == null) {
      name = file.getFileName().toString().replaceFirst("\\.(geo)?json$", "");
    }
    return new GeoJsonSource(file, srid, name);
  }

  private static int srid(JsonNode crs, Path file) throws IOException {
    String text = crs.path("properties").path("name").asString("");
    if (text.matches("(?i).*CRS:?84$")) {
      return 4326;
    }
    Matcher m = EPSG.matcher(text);
    if (!m.find()) {
      throw new IOException(file.getFileName() + ": crs '" + text + "' is not an EPSG code");
    }
    return Integer.parseInt(m.group(1));
  }

  private static void expect(JsonToken got, JsonToken want, Path file) throws IOException {
    if (got != want) {
      throw new IOException(file.getFileName() + ": expected a GeoJSON FeatureCollection object");
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

  @Override
  public String layerName() {
    return name;
  }

  @Override
  public void read(Consumer<FeatureRecord> sink) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String member = p.currentName();
        p.nextToken();
        if (member.equals("features") && p.currentToken() == JsonToken.START_ARRAY) {
          long n = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            sink.accept(feature(++n, JSON.readTree(p)));
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw new IOException(source() + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private FeatureRecord feature(long n, JsonNode f) {
    Map<String, Object> properties = new LinkedHashMap<>();
    f.path("properties").properties().forEach(e -> properties.put(e.getKey(), value(e.getValue())));
    try {
      return new FeatureRecord(n, properties, GeoJsonGeometry.read(f.get("geometry")), null);
    } catch (IllegalArgumentException e) {
      return new FeatureRecord(n, properties, null, e.getMessage());
    }
  }

  /** A property value as a plain Java value (geometry objects become JTS geometries). */
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
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.values().forEach(x -> list.add(value(x)));
      return list;
    }
    if (GeoJsonGeometry.isGeometry(v)) {
      try {
        return GeoJsonGeometry.read(v);
      } catch (IllegalArgumentException e) {
        return v.toString();
      }
    }
    return v.isObject() ? v.toString() : v.asString();
  }
}
