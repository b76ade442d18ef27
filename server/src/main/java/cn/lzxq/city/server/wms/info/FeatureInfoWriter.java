package cn.lzxq.city.server.wms.info;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest.InfoFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.gml2.GMLWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GetFeatureInfo answers: GeoJSON (properties by name, plus the Chinese field titles), an
 * HTML table and plain text with the Chinese field names of the catalog, and GML 2 (for
 * application/vnd.ogc.gml and text/xml, as GeoServer and MapServer answer). Geometries are in the
 * request CRS with x = easting/longitude.
 */
public final class FeatureInfoWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NS = "http://lzxq.city/gis";

  private FeatureInfoWriter() {}

  /** The answer body in the format. */
  public static String write(InfoFormat format, List<LayerHits> hits, CrsRef crs) {
    return switch (format) {
      case JSON -> json(hits, crs);
      case HTML -> html(hits);
      case TEXT -> text(hits);
      case GML, XML -> gml(hits, crs);
    };
  }

  private static String json(List<LayerHits> hits, CrsRef crs) {
    List<Object> features = new ArrayList<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (LayerHits h : hits) {
      Map<String, Object> titles = new LinkedHashMap<>();
      h.attributes()
          .forEach(
              a ->
                  titles.put(
                      a.name(),
                      a.unit().isEmpty() ? a.titleZh() : a.titleZh() + " (" + a.unit() + ")"));
      fields.put(h.layer().name(), titles);
      for (Feature f : h.features()) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", h.layer().source().name() + "." + f.fid());
        feature.put("layer", h.layer().name());
        feature.put("geometry", f.geometry() == null ? null : geoJson(f.geometry()));
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        props.replaceAll(
            (k, v) ->
                v instanceof BigDecimal d
                    ? d.stripTrailingZeros()
                    : v == null
                        ? null
                        : v instanceof Number || v instanceof Boolean || v instanceof List
                            ? v
                            : v.toString());
        props.put("valid_from", f.validFrom() == null ? null : f.validFrom().toString());
        props.put("valid_to", f.validTo() == null ? null : f.validTo().toString());
        feature.put("properties", props);
        features.add(feature);
      }
    }
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("crs", crs.code());
    fc.put("numberReturned", features.size());
    fc.put("features", features);
    fc.put("fieldTitles", fields);
    return JSON.writeValueAsString(fc);
  }

  private static Object geoJson(Geometry g) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (g instanceof Point p) {
      out.put("type", "Point");
      out.put("coordinates", position(p.getCoordinate()));
    } else if (g instanceof LineString l) {
      out.put("type", "LineString");
      out.put("coordinates", positions(l.getCoordinates()));
    } else if (g instanceof Polygon p) {
      out.put("type", "Polygon");
      out.put("coordinates", rings(p));
    } else if (g instanceof GeometryCollection c) {
      String type = g.getGeometryType();
      out.put("type", type);
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < c.getNumGeometries(); i++) {
        Object part = geoJson(c.getGeometryN(i));
        parts.add(type.equals("GeometryCollection") ? part : ((Map<?, ?>) part).get("coordinates"));
      }
      out.put(type.equals("GeometryCollection") ? "geometries" : "coordinates", parts);
    }
    return out;
  }

  private static List<Object> rings(Polygon p) {
    List<Object> rings = new ArrayList<>();
    rings.add(positions(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
    }
    return rings;
  }

  private static List<Object> positions(Coordinate[] cs) {
    List<Object> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(position(c));
    }
    return out;
  }

  private static double[] position(Coordinate c) {
    return Double.isNaN(c.getZ())
        ? new double[] {c.getX(), c.getY()}
        : new double[] {c.getX(), c.getY(), c.getZ()};
  }

  private static String html(List<LayerHits> hits) {
    StringBuilder b =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<title>要素信息</title></head><body>\n");
    for (LayerHits h : hits) {
      b.append("<table class=\"featureInfo\" border=\"1\"><caption>")
          .append(xml(h.layer().titleZh()))
          .append(" (")
          .append(xml(h.layer().name()))
          .append(")</caption>\n<tr><th>要素编号</th>");
      h.attributes()
          .forEach(
              a ->
                  b.append("<th title=\"")
                      .append(xml(a.name()))
                      .append("\">")
                      .append(xml(title(a)))
                      .append("</th>"));
      b.append("</tr>\n");
      for (Feature f : h.features()) {
        b.append("<tr><td>").append(f.fid()).append("</td>");
        h.attributes()
            .forEach(
                a ->
                    b.append("<td>")
                        .append(xml(value(f.properties().get(a.name()))))
                        .append("</td>"));
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  private static String text(List<LayerHits> hits) {
    StringBuilder b = new StringBuilder();
    for (LayerHits h : hits) {
      b.append("图层 ")
          .append(h.layer().titleZh())
          .append(" (")
          .append(h.layer().name())
          .append("): ")
          .append(h.features().size())
          .append(" 个要素\n");
      for (Feature f : h.features()) {
        b.append("--\n要素编号 = ").append(f.fid()).append('\n');
        h.attributes()
            .forEach(
                a ->
                    b.append(title(a))
                        .append(" = ")
                        .append(value(f.properties().get(a.name())))
                        .append('\n'));
      }
    }
    return b.length() == 0 ? "no features\n" : b.toString();
  }

  private static String gml(List<LayerHits> hits, CrsRef crs) {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:FeatureCollection "
                + "xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:gml=\"http://www.opengis.net/gml\" xmlns:city=\""
                + NS
                + "\">\n");
    GMLWriter geometryWriter = new GMLWriter();
    geometryWriter.setSrsName(crs.code());
    geometryWriter.setNamespace(true);
    for (LayerHits h : hits) {
      String element = "city:" + h.layer().source().name();
      for (Feature f : h.features()) {
        b.append("  <gml:featureMember>\n    <")
            .append(element)
            .append(" fid=\"")
            .append(h.layer().source().name())
            .append('.')
            .append(f.fid())
            .append("\">\n");
        for (Attribute a : h.attributes()) {
          Object v = f.properties().get(a.name());
          if (v != null) {
            b.append("      <city:")
                .append(a.name())
                .append('>')
                .append(xml(value(v)))
                .append("</city:")
                .append(a.name())
                .append(">\n");
          }
        }
        if (f.geometry() != null) {
          b.append("      <city:geom>")
              .append(geometryWriter.write(f.geometry()).trim())
              .append("</city:geom>\n");
        }
        b.append("    </").append(element).append(">\n  </gml:featureMember>\n");
      }
    }
    return b.append("</wfs:FeatureCollection>\n").toString();
  }

  private static String title(Attribute a) {
    return a.unit().isEmpty() ? a.titleZh() : a.titleZh() + " (" + a.unit() + ")";
  }

  private static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return v instanceof List<?> l
        ? String.join(",", l.stream().map(String::valueOf).toList())
        : v.toString();
  }
}
