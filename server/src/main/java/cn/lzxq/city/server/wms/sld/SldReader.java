package cn.lzxq.city.server.wms.sld;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.fes.FesFilterReader;
import cn.lzxq.city.data.query.fes.SafeXml;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.style.Expression;
import cn.lzxq.city.server.wms.style.FeatureMatcher;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Stroke;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the subset of SLD 1.0 and SLD 1.1 / SE 1.1 that styles from GeoServer and QGIS use
 * (documented in {@code wms/SLD-SUBSET.md}). Elements are matched by local name in any namespace,
 * so SLD 1.0 ({@code CssParameter}) and SE 1.1 ({@code SvgParameter}) both work.
 *
 * <ul>
 *   <li>{@code StyledLayerDescriptor/NamedLayer} with {@code Name} and either {@code
 *       NamedStyle/Name} or {@code UserStyle}s (the one with {@code IsDefault}=1, else the first);
 *       UserLayer is rejected.
 *   <li>{@code FeatureTypeStyle}s (each a drawing pass) with {@code Rule}s: {@code Name}, {@code
 *       Title} (or {@code Description/Title}), {@code ogc:Filter} (comparison, logical, between,
 *       like, null and id operators; read by the shared FES reader and evaluated in memory), {@code
 *       ElseFilter}, {@code MinScaleDenominator}, {@code MaxScaleDenominator}.
 *   <li>{@code LineSymbolizer/Stroke}: stroke, stroke-width, stroke-opacity, stroke-dasharray.
 *   <li>{@code PolygonSymbolizer}: Fill (fill, fill-opacity) and Stroke.
 *   <li>{@code PointSymbolizer/Graphic}: Mark with WellKnownName (circle, square, triangle, star,
 *       cross, x), Fill and Stroke; Size; Rotation (a number or {@code ogc:PropertyName}); Opacity.
 *   <li>{@code TextSymbolizer}: Label (text mixed with {@code ogc:PropertyName}/{@code
 *       ogc:Literal}), Font font-size, Fill, Halo (Radius, Fill), LabelPlacement (LinePlacement
 *       follows the line).
 * </ul>
 *
 * Sizes are pixels of 0.28 mm. Geometry, PerpendicularOffset, ExternalGraphic and vendor options
 * are ignored.
 */
public final class SldReader {

  private static final String LOCATOR = "SLD_BODY";

  private SldReader() {}

  /** The NamedLayers of the document, in order. */
  public static List<SldLayer> read(String sld) {
    FilterLimits.DEFAULT.checkLength(sld, LOCATOR);
    try {
      XMLStreamReader r = SafeXml.open(sld, LOCATOR);
      if (!r.getLocalName().equals("StyledLayerDescriptor")) {
        throw invalid("the document is not a StyledLayerDescriptor but " + r.getLocalName());
      }
      List<SldLayer> layers = new ArrayList<>();
      for (String name = SafeXml.nextChild(r); name != null; name = SafeXml.nextChild(r)) {
        switch (name) {
          case "NamedLayer" -> layers.add(namedLayer(r));
          case "UserLayer" ->
              throw invalid(
                  "UserLayer is not supported; use NamedLayer with a layer of this server");
          default -> SafeXml.skip(r);
        }
      }
      return layers;
    } catch (XMLStreamException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          LOCATOR,
          "the SLD cannot be read: " + e.getMessage());
    } catch (QueryException e) {
      throw new OwsException(e.code(), LOCATOR, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static SldLayer namedLayer(XMLStreamReader r) throws XMLStreamException {
    String layer = null;
    String named = null;
    List<Style> userStyles = new ArrayList<>();
    List<Boolean> defaults = new ArrayList<>();
    for (String name = SafeXml.nextChild(r); name != null; name = SafeXml.nextChild(r)) {
      switch (name) {
        case "Name" -> layer = SafeXml.text(r);
        case "NamedStyle" -> named = childText(r, "Name");
        case "UserStyle" -> {
          boolean[] isDefault = new boolean[1];
          userStyles.add(userStyle(r, isDefault));
          defaults.add(isDefault[0]);
        }
        default -> SafeXml.skip(r);
      }
    }
    if (layer == null) {
      throw invalid("a NamedLayer has no Name");
    }
    Style chosen =
        userStyles.isEmpty() ? null : userStyles.get(Math.max(0, defaults.indexOf(true)));
    if (chosen == null && named == null) {
      throw invalid("NamedLayer " + layer + " has neither a NamedStyle nor a UserStyle");
    }
    return new SldLayer(layer, named, chosen);
  }

  private static Style userStyle(XMLStreamReader r, boolean[] isDefault) throws XMLStreamException {
    String name = "sld";
    String title = "SLD";
    List<List<Rule>> passes = new ArrayList<>();
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      switch (n) {
        case "Name" -> name = SafeXml.text(r);
        case "Title" -> title = SafeXml.text(r);
        case "IsDefault" ->
            isDefault[0] = List.of("1", "true").contains(SafeXml.text(r).toLowerCase());
        case "FeatureTypeStyle" -> passes.add(featureTypeStyle(r));
        default -> SafeXml.skip(r);
      }
    }
    return new Style(name, title, "user style from SLD", passes);
  }

  private static List<Rule> featureTypeStyle(XMLStreamReader r) throws XMLStreamException {
    List<Rule> rules = new ArrayList<>();
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      if (n.equals("Rule")) {
        rules.add(rule(r, rules.size()));
      } else {
        SafeXml.skip(r);
      }
    }
    return rules;
  }

  private static Rule rule(XMLStreamReader r, int index) throws XMLStreamException {
    String name = "rule" + index;
    String title = null;
    Filter filter = Filter.all();
    boolean elseFilter = false;
    double min = 0;
    double max = Double.POSITIVE_INFINITY;
    List<Symbolizer> symbolizers = new ArrayList<>();
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      switch (n) {
        case "Name" -> name = SafeXml.text(r);
        case "Title" -> title = SafeXml.text(r);
        case "Description" -> title = childText(r, "Title");
        case "Filter" -> {
          filter = new FesFilterReader(CrsRef.CRS84, false, FilterLimits.DEFAULT).read(r);
          FeatureMatcher.check(filter);
        }
        case "ElseFilter" -> {
          elseFilter = true;
          SafeXml.skip(r);
        }
        case "MinScaleDenominator" -> min = Double.parseDouble(SafeXml.text(r));
        case "MaxScaleDenominator" -> max = Double.parseDouble(SafeXml.text(r));
        case "LineSymbolizer" -> symbolizers.add(line(r));
        case "PolygonSymbolizer" -> symbolizers.add(polygon(r));
        case "PointSymbolizer" -> symbolizers.add(point(r));
        case "TextSymbolizer" -> symbolizers.add(text(r));
        default -> SafeXml.skip(r);
      }
    }
    return new Rule(name, title == null ? name : title, filter, elseFilter, min, max, symbolizers);
  }

  private static Symbolizer line(XMLStreamReader r) throws XMLStreamException {
    Stroke stroke = Stroke.solid(Color.BLACK, 1);
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      if (n.equals("Stroke")) {
        stroke = stroke(r);
      } else {
        SafeXml.skip(r);
      }
    }
    return new Symbolizer.Line(stroke);
  }

  private static Symbolizer polygon(XMLStreamReader r) throws XMLStreamException {
    Color fill = null;
    Stroke stroke = null;
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      switch (n) {
        case "Fill" -> fill = fill(r);
        case "Stroke" -> stroke = stroke(r);
        default -> SafeXml.skip(r);
      }
    }
    return new Symbolizer.Polygon(fill, stroke);
  }

  private static Symbolizer point(XMLStreamReader r) throws XMLStreamException {
    String mark = "square";
    Color fill = Color.GRAY;
    Stroke stroke = null;
    double size = 6;
    double opacity = 1;
    Expression rotation = null;
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      if (!n.equals("Graphic")) {
        SafeXml.skip(r);
        continue;
      }
      for (String g = SafeXml.nextChild(r); g != null; g = SafeXml.nextChild(r)) {
        switch (g) {
          case "Mark" -> {
            for (String m = SafeXml.nextChild(r); m != null; m = SafeXml.nextChild(r)) {
              switch (m) {
                case "WellKnownName" -> mark = SafeXml.text(r).toLowerCase();
                case "Fill" -> fill = fill(r);
                case "Stroke" -> stroke = stroke(r);
                default -> SafeXml.skip(r);
              }
            }
          }
          case "Size" -> size = number(mixed(r), 6);
          case "Opacity" -> opacity = number(mixed(r), 1);
          case "Rotation" -> rotation = single(mixed(r));
          default -> SafeXml.skip(r);
        }
      }
    }
    Color f =
        fill == null
            ? null
            : new Color(
                fill.getRed(),
                fill.getGreen(),
                fill.getBlue(),
                (int) Math.round(fill.getAlpha() * opacity));
    return new Symbolizer.Point(mark, size, f, stroke, rotation);
  }

  private static Symbolizer text(XMLStreamReader r) throws XMLStreamException {
    List<Expression> label = List.of();
    double size = 10;
    Color fill = Color.BLACK;
    Color halo = null;
    double radius = 0;
    boolean followLine = false;
    double priority = 0;
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      switch (n) {
        case "Label" -> label = mixed(r);
        case "Font" -> size = number(parameters(r).get("font-size"), size);
        case "Fill" -> fill = fill(r);
        case "Halo" -> {
          halo = Color.WHITE;
          radius = 1;
          for (String h = SafeXml.nextChild(r); h != null; h = SafeXml.nextChild(r)) {
            switch (h) {
              case "Radius" -> radius = number(mixed(r), 1);
              case "Fill" -> halo = fill(r);
              default -> SafeXml.skip(r);
            }
          }
        }
        case "LabelPlacement" -> followLine = childText(r, "LinePlacement") != null;
        case "Priority" -> priority = number(mixed(r), 0);
        default -> SafeXml.skip(r);
      }
    }
    return new Symbolizer.Text(label, size, fill, halo, radius, followLine, priority);
  }

  private static Stroke stroke(XMLStreamReader r) throws XMLStreamException {
    Map<String, List<Expression>> p = parameters(r);
    Color c = color(p.get("stroke"), Color.BLACK, p.get("stroke-opacity"));
    double width = number(p.get("stroke-width"), 1);
    float[] dash = new float[0];
    if (p.containsKey("stroke-dasharray")) {
      String[] parts = text(p.get("stroke-dasharray")).trim().split("[\\s,]+");
      dash = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        dash[i] = Float.parseFloat(parts[i]);
      }
    }
    return new Stroke(c, width, dash);
  }

  private static Color fill(XMLStreamReader r) throws XMLStreamException {
    Map<String, List<Expression>> p = parameters(r);
    return color(p.get("fill"), Color.GRAY, p.get("fill-opacity"));
  }

  /** The CssParameter / SvgParameter children by name; ends on the parent's end tag. */
  private static Map<String, List<Expression>> parameters(XMLStreamReader r)
      throws XMLStreamException {
    Map<String, List<Expression>> p = new HashMap<>();
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      if (n.equals("CssParameter") || n.equals("SvgParameter")) {
        p.put(SafeXml.attribute(r, "name"), mixed(r));
      } else {
        SafeXml.skip(r);
      }
    }
    return p;
  }

  /** Text mixed with ogc:PropertyName and ogc:Literal children; ends on the element's end tag. */
  private static List<Expression> mixed(XMLStreamReader r) throws XMLStreamException {
    List<Expression> parts = new ArrayList<>();
    while (true) {
      int e = r.next();
      if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        if (!r.getText().isBlank()) {
          parts.add(Expression.literal(r.getText().strip()));
        }
      } else if (e == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        String t = SafeXml.text(r);
        parts.add(
            n.equals("PropertyName") || n.equals("ValueReference")
                ? Expression.property(t.replaceFirst("^[A-Za-z_][\\w.-]*:", ""))
                : Expression.literal(t));
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        return parts;
      }
    }
  }

  private static String childText(XMLStreamReader r, String child) throws XMLStreamException {
    String found = null;
    for (String n = SafeXml.nextChild(r); n != null; n = SafeXml.nextChild(r)) {
      if (n.equals(child)) {
        found = SafeXml.text(r);
      } else {
        SafeXml.skip(r);
      }
    }
    return found;
  }

  private static Expression single(List<Expression> parts) {
    return parts.size() == 1 ? parts.get(0) : Expression.literal(text(parts));
  }

  private static String text(List<Expression> parts) {
    StringBuilder b = new StringBuilder();
    parts.forEach(e -> b.append(e instanceof Expression.Literal l ? l.value() : ""));
    return b.toString();
  }

  private static double number(List<Expression> parts, double fallback) {
    if (parts == null || parts.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(text(parts).trim());
    } catch (NumberFormatException e) {
      throw invalid("'" + text(parts) + "' is not a number");
    }
  }

  private static Color color(List<Expression> hex, Color fallback, List<Expression> opacity) {
    Color c = hex == null ? fallback : Color.decode(text(hex).trim());
    double a = number(opacity, 1);
    return new Color(
        c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(Math.max(0, Math.min(1, a)) * 255));
  }

  private static OwsException invalid(String message) {
    return new OwsException(OwsException.INVALID_PARAMETER_VALUE, LOCATOR, message);
  }
}
