package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Feature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * Streams features as RFC 4180 CSV (UTF-8): a header row {@code id,<attributes>,valid_from,
 * valid_to,wkt} per layer, then one row per feature with the geometry as WKT (x = easting or
 * longitude, with Z).
 */
public final class CsvFeatureWriter implements FeatureWriter {

  private final Writer out;
  private final EncodeOptions options;
  private final WKTWriter wkt = new WKTWriter(3);
  private Layer layer;
  private List<Attribute> attributes;

  public CsvFeatureWriter(OutputStream out, EncodeOptions options) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.options = options;
  }

  @Override
  public void begin(CollectionInfo info) {
    // CSV has no collection header
  }

  @Override
  public void layer(Layer l, List<Attribute> attrs) throws IOException {
    this.layer = l;
    this.attributes = attrs;
    out.write("id");
    for (Attribute a : attrs) {
      out.write(',');
      out.write(a.name());
    }
    out.write(",valid_from,valid_to,wkt\r\n");
  }

  @Override
  public void feature(Feature f) throws IOException {
    out.write(options.qualifiedIds() ? layer.name() + "." + f.fid() : Long.toString(f.fid()));
    for (Attribute a : attributes) {
      out.write(',');
      cell(f.properties().get(a.name()));
    }
    out.write(',');
    cell(f.validFrom());
    out.write(',');
    cell(f.validTo());
    out.write(',');
    Geometry g = f.geometry();
    cell(g == null ? null : wkt.write(g));
    out.write("\r\n");
  }

  private void cell(Object v) throws IOException {
    if (v == null) {
      return;
    }
    String s = Values.text(v);
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      out.write('"');
      out.write(s.replace("\"", "\"\""));
      out.write('"');
    } else {
      out.write(s);
    }
  }

  @Override
  public void end() throws IOException {
    out.flush();
  }
}
