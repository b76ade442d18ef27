package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Feature;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams GeoJSON (RFC 7946 feature collection, or one feature) with Jackson's streaming generator.
 * Coordinates follow {@link EncodeOptions#northFirst()}: x, y for CRS84 (RFC 7946), the CRS's axis
 * order for OGC API Part 2 {@code crs}. Z is written when present.
 */
public final class GeoJsonFeatureWriter implements FeatureWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonGenerator json;
  private final EncodeOptions options;
  private Layer layer;
  private List<Attribute> attributes;
  private CollectionInfo info;
  private long written;

  public GeoJsonFeatureWriter(OutputStream out, EncodeOptions options) {
    this.json = JSON.createGenerator(out);
    this.options = options;
  }

  @Override
  public void begin(CollectionInfo collection) {
    this.info = collection;
    if (options.singleFeature()) {
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("type", "FeatureCollection");
    json.writeName("features");
    json.writeStartArray();
  }

  @Override
  public void layer(Layer l, List<Attribute> attrs) {
    this.layer = l;
    this.attributes = attrs;
  }

  @Override
  public void feature(Feature f) {
    written++;
    json.writeStartObject();
    json.writeStringProperty("type", "Feature");
    json.writeName("id");
    if (options.qualifiedIds()) {
      json.writeString(layer.name() + "." + f.fid());
    } else {
      json.writeNumber(f.fid());
    }
    json.writeName("geometry");
    geometry(f.geometry());
    json.writeName("properties");
    json.writeStartObject();
    for (Attribute a : attributes) {
      json.writeName(a.name());
      value(f.properties().get(a.name()));
    }
    json.writeName("valid_from");
    value(f.validFrom());
    json.writeName("valid_to");
    value(f.validTo());
    json.writeEndObject();
    if (options.singleFeature()) {
      links(info.links());
    }
    json.writeEndObject();
  }

  @Override
  public void end() {
    if (!options.singleFeature()) {
      json.writeEndArray();
      if (info.numberMatched() >= 0) {
        json.writeNumberProperty("numberMatched", info.numberMatched());
      }
      json.writeNumberProperty("numberReturned", written);
      json.writeStringProperty("timeStamp", info.timeStamp().toString());
      links(info.links());
      json.writeEndObject();
    }
    json.flush();
  }

  private void links(List<Link> links) {
    json.writeName("links");
    json.writeStartArray();
    for (Link l : links) {
      json.writeStartObject();
      json.writeStringProperty("href", l.href());
      json.writeStringProperty("rel", l.rel());
      json.writeStringProperty("type", l.type());
      if (l.title() != null) {
        json.writeStringProperty("title", l.title());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void value(Object v) {
    if (v == null) {
      json.writeNull();
    } else if (v instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (v instanceof Long n) {
      json.writeNumber(n);
    } else if (v instanceof Integer n) {
      json.writeNumber(n);
    } else if (v instanceof Number n) {
      json.writeNumber(n.doubleValue());
    } else if (v instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (v instanceof List<?> list) {
      json.writeStartArray();
      list.forEach(x -> json.writeString(String.valueOf(x)));
      json.writeEndArray();
    } else if (v instanceof TemporalAccessor) {
      json.writeString(v.toString());
    } else {
      json.writeString(v.toString());
    }
  }

  private void geometry(Geometry g) {
    if (g == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("type", g.getGeometryType());
    json.writeName("coordinates");
    coordinates(g);
    json.writeEndObject();
  }

  private void coordinates(Geometry g) {
    if (g instanceof Point p) {
      position(p.getCoordinateSequence(), 0);
    } else if (g instanceof LineString l) {
      sequence(l.getCoordinateSequence());
    } else if (g instanceof Polygon p) {
      json.writeStartArray();
      sequence(p.getExteriorRing().getCoordinateSequence());
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        sequence(p.getInteriorRingN(i).getCoordinateSequence());
      }
      json.writeEndArray();
    } else {
      json.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        coordinates(g.getGeometryN(i));
      }
      json.writeEndArray();
    }
  }

  private void sequence(CoordinateSequence s) {
    json.writeStartArray();
    for (int i = 0; i < s.size(); i++) {
      position(s, i);
    }
    json.writeEndArray();
  }

  private void position(CoordinateSequence s, int i) {
    json.writeStartArray();
    boolean swap = options.northFirst();
    json.writeNumber(swap ? s.getY(i) : s.getX(i));
    json.writeNumber(swap ? s.getX(i) : s.getY(i));
    double z = s.getOrdinate(i, CoordinateSequence.Z);
    if (s.hasZ() && !Double.isNaN(z)) {
      json.writeNumber(z);
    }
    json.writeEndArray();
  }
}
