package cn.lzxq.city.server.ogcapi;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.server.encode.CollectionInfo;
import cn.lzxq.city.server.encode.FeatureWriter;
import cn.lzxq.city.server.encode.Link;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Plain HTML pages for browsers: the JSON documents as link lists, items as a streamed table. */
final class HtmlPages {

  private HtmlPages() {}

  /** A page listing a document's title, description, links and collections. */
  static String page(String title, JsonNode doc) {
    StringBuilder b = head(title);
    if (doc.has("description")) {
      b.append("<p>").append(xml(doc.get("description").asString())).append("</p>\n");
    }
    b.append("<ul>\n");
    for (JsonNode l : doc.path("links").values()) {
      b.append("<li><a href=\"")
          .append(xml(l.path("href").asString()))
          .append("\">")
          .append(xml(l.path("title").asString("")))
          .append("</a> (")
          .append(xml(l.path("rel").asString()))
          .append(")</li>\n");
    }
    for (JsonNode c : doc.path("collections").values()) {
      b.append("<li><a href=\"collections/")
          .append(xml(c.path("id").asString()))
          .append("/items?f=html\">")
          .append(xml(c.path("title").asString()))
          .append("</a></li>\n");
    }
    for (JsonNode c : doc.path("conformsTo").values()) {
      b.append("<li>").append(xml(c.asString())).append("</li>\n");
    }
    return b.append("</ul>\n</body></html>\n").toString();
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>")
        .append(xml(title))
        .append("</title></head><body>\n<h1>")
        .append(xml(title))
        .append("</h1>\n");
  }

  /** Items as an HTML table, streamed. */
  static FeatureWriter table(OutputStream out, String title) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new FeatureWriter() {
      private List<Attribute> attributes;
      private CollectionInfo info;

      @Override
      public void begin(CollectionInfo collection) throws IOException {
        info = collection;
        w.write(head(title).toString());
        w.write("<p>" + collection.numberMatched() + " features</p>\n");
      }

      @Override
      public void layer(Layer layer, List<Attribute> attrs) throws IOException {
        attributes = attrs;
        w.write("<table border=\"1\"><tr><th>id</th>");
        for (Attribute a : attrs) {
          w.write("<th>" + xml(a.titleZh()) + "<br>" + xml(a.name()) + "</th>");
        }
        w.write("<th>geometry</th></tr>\n");
      }

      @Override
      public void feature(Feature f) throws IOException {
        w.write("<tr><td>" + f.fid() + "</td>");
        for (Attribute a : attributes) {
          Object v = f.properties().get(a.name());
          w.write("<td>" + (v == null ? "" : xml(v.toString())) + "</td>");
        }
        w.write(
            "<td>" + (f.geometry() == null ? "" : f.geometry().getGeometryType()) + "</td></tr>\n");
      }

      @Override
      public void end() throws IOException {
        w.write("</table>\n<p>");
        for (Link l : info.links()) {
          if (l.rel().equals("next") || l.rel().equals("prev")) {
            w.write(
                "<a href=\""
                    + xml(l.href().replace("f=html&", "") + "&f=html")
                    + "\">"
                    + l.rel()
                    + "</a> ");
          }
        }
        w.write("</p></body></html>\n");
        w.flush();
      }
    };
  }
}
