package cn.lzxq.city.data.io.geojson;

import cn.lzxq.city.data.io.ExportColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 7946 FeatureCollection as a stream: CRS84 longitude/latitude with 7 decimals (about
 * 1 cm) and Z kept, the stable fid as the feature id, the attribute columns as properties (numbers
 * as numbers, arrays as arrays, times in ISO 8601 UTC). No {@code crs} member (RFC 7946 §4); the
 * layer name is the foreign member {@code name}, as GDAL writes it.
 */
public final class GeoJsonWriter implements AutoCloseable {

  private final JsonGenerator json;
  private final List<ExportColumn> columns;
  private long count;

  /**
   * Starts the collection.
   *
   * @param columns the attribute columns, result columns 2 … n+1 of the rows to come
   */
  public GeoJsonWriter(OutputStream out, String name, List<ExportColumn> columns) {
    this.json = JsonMapper.shared().createGenerator(out, JsonEncoding.UTF8);
    this.columns = columns;
    json.writeStartObject();
    json.writeStringProperty("type", "FeatureCollection");
    json.writeStringProperty("name", name);
    json.writeName("features");
    json.writeStartArray();
  }

  /**
   * Writes one feature from a {@code LayerCursor} row in GEOJSON_CRS84 encoding: fid, the columns,
   * then the geometry as GeoJSON text.
   */
  public void write(ResultSet rs) throws SQLException {
    json.writeStartObject();
    json.writeStringProperty("type", "Feature");
    json.writeNumberProperty("id", rs.getLong(1));
    json.writeName("properties");
    json.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      json.writeName(columns.get(i).name());
      value(rs, i + 2, columns.get(i).kind());
    }
    json.writeEndObject();
    json.writeName("geometry");
    json.writeRawValue(rs.getString(columns.size() + 2));
    json.writeEndObject();
    count++;
  }

  private void value(ResultSet rs, int i, ExportColumn.Kind kind) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      json.writeNull();
      return;
    }
    switch (kind) {
      case INTEGER -> json.writeNumber(rs.getLong(i));
      case REAL ->
          json.writeNumber(
              new BigDecimal(rs.getBigDecimal(i).stripTrailingZeros().toPlainString()));
      case BOOLEAN -> json.writeBoolean(rs.getBoolean(i));
      case DATETIME ->
          json.writeString(
              rs.getObject(i, OffsetDateTime.class)
                  .withOffsetSameInstant(ZoneOffset.UTC)
                  .toString());
      case GEOMETRY -> json.writeRawValue(rs.getString(i));
      case ARRAY -> {
        json.writeStartArray();
        for (Object item : (Object[]) ((Array) v).getArray()) {
          json.writeString(item == null ? null : item.toString().trim());
        }
        json.writeEndArray();
      }
      default -> json.writeString(rs.getString(i).trim());
    }
  }

  /** Features written so far. */
  public long count() {
    return count;
  }

  /** Ends the collection and closes the stream. */
  @Override
  public void close() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }
}
