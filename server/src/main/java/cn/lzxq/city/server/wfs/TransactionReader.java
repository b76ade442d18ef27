package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.edit.FeatureEdit;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.fes.FesFilterReader;
import cn.lzxq.city.data.query.fes.GmlGeometryReader;
import cn.lzxq.city.data.query.fes.SafeXml;
import cn.lzxq.city.server.ows.OwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a WFS Transaction (2.0.0 Insert/Update/Replace/Delete; 1.1.0 and 1.0.0 Insert/Update/
 * Delete as QGIS sends them) into feature edits, with the lock the writer presents (2.0 {@code
 * lockId} attribute, 1.x {@code LockId} element) and its {@code releaseAction}. Geometries without
 * srsName are in the native CRS; WFS 1.0.0 coordinates are always x, y.
 */
final class TransactionReader {

  private static final Set<String> IGNORED =
      Set.of(
          "boundedBy",
          "valid_from",
          "valid_to",
          "fid",
          "name",
          "description",
          "identifier",
          "location");

  private final LayerCatalog catalog;
  private final int nativeSrid;
  private final String version;
  private final FilterLimits limits;

  TransactionReader(int nativeSrid, String version, FilterLimits limits, LayerCatalog catalog) {
    this.catalog = catalog;
    this.nativeSrid = nativeSrid;
    this.version = version;
    this.limits = limits;
  }

  WfsRequest.Transaction read(XMLStreamReader r) throws XMLStreamException {
    String handle = SafeXml.attribute(r, "handle");
    String lockId = SafeXml.attribute(r, "lockId");
    boolean releaseAll = WfsParams.lockAll(SafeXml.attribute(r, "releaseAction"), "releaseAction");
    List<FeatureEdit> edits = new ArrayList<>();
    String child;
    int n = 0;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("LockId")) {
        lockId = SafeXml.text(r).trim();
        continue;
      }
      n++;
      String actionHandle = SafeXml.attribute(r, "handle");
      try {
        CrsRef crs = crs(SafeXml.attribute(r, "srsName"));
        switch (child) {
          case "Insert" -> edits.addAll(insert(r, crs));
          case "Update" -> edits.add(update(r, crs));
          case "Replace" -> edits.addAll(replace(r, crs));
          case "Delete" -> edits.add(delete(r, crs));
          case "Native" -> SafeXml.skip(r);
          default ->
              throw new OwsException(
                  OwsException.INVALID_PARAMETER_VALUE, "Transaction", "unknown action " + child);
        }
      } catch (QueryException e) {
        // the locator names the action (its handle, or its name and position) and what was wrong in
        // it
        throw new OwsException(
            e.code(),
            (actionHandle != null ? actionHandle : child + " " + n) + ": " + e.locator(),
            e.getMessage());
      }
    }
    return new WfsRequest.Transaction(
        version, edits, handle, lockId == null || lockId.isBlank() ? null : lockId, releaseAll);
  }

  private CrsRef crs(String srsName) {
    return srsName == null ? CrsRef.epsg(nativeSrid) : WfsParams.crs(srsName, nativeSrid);
  }

  private GmlGeometryReader gml(CrsRef crs) {
    return new GmlGeometryReader(crs, version.equals("1.0.0"));
  }

  private List<FeatureEdit> insert(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    List<FeatureEdit> out = new ArrayList<>();
    while (SafeXml.nextChild(r) != null) {
      Layer layer = WfsParams.layer(catalog, r.getLocalName(), "Insert");
      FeatureContent c = feature(r, crs);
      out.add(new FeatureEdit.Insert(layer, c.values(), c.geometry()));
    }
    return out;
  }

  private FeatureEdit update(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    Layer layer = WfsParams.layer(catalog, typeName(r), "typeName");
    Map<String, Object> values = new LinkedHashMap<>();
    Geometry geometry = null;
    Filter filter = null;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("Property")) {
        String name = null;
        Object value = null;
        String part;
        while ((part = SafeXml.nextChild(r)) != null) {
          if (part.equals("Name") || part.equals("ValueReference")) {
            name = WfsParams.propertyName(SafeXml.text(r));
          } else {
            value = content(r, crs);
          }
        }
        if (name == null) {
          throw new OwsException(
              OwsException.INVALID_PARAMETER_VALUE, "Property", "an Update Property needs a name");
        }
        if (value instanceof Geometry g) {
          geometry = g;
        } else if (!IGNORED.contains(name)) {
          values.put(name, value);
        }
      } else if (child.equals("Filter")) {
        filter = new FesFilterReader(crs, version.equals("1.0.0"), limits).read(r);
      } else {
        SafeXml.skip(r);
      }
    }
    return new FeatureEdit.Update(layer, required(filter, "Update"), values, geometry);
  }

  private List<FeatureEdit> replace(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    Layer layer = null;
    FeatureContent content = null;
    Filter filter = null;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("Filter")) {
        filter = new FesFilterReader(crs, false, limits).read(r);
      } else {
        layer = WfsParams.layer(catalog, child, "Replace");
        content = feature(r, crs);
      }
    }
    if (layer == null || !(required(filter, "Replace") instanceof Filter.ResourceIds ids)) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "Replace",
          "Replace needs a feature and a ResourceId filter");
    }
    List<FeatureEdit> out = new ArrayList<>();
    for (long fid : ids.fids()) {
      out.add(
          new FeatureEdit.Replace(
              layer, fid, content.values(), content.geometry(), ids.versions().get(fid)));
    }
    return out;
  }

  private FeatureEdit delete(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    Layer layer = WfsParams.layer(catalog, typeName(r), "typeName");
    Filter filter = null;
    while (SafeXml.nextChild(r) != null) {
      filter = new FesFilterReader(crs, version.equals("1.0.0"), limits).read(r);
    }
    return new FeatureEdit.Delete(layer, required(filter, "Delete"));
  }

  private static String typeName(XMLStreamReader r) {
    String t = SafeXml.attribute(r, "typeName");
    if (t == null) {
      t = SafeXml.attribute(r, "typeNames");
    }
    if (t == null) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "typeName", r.getLocalName() + " needs a typeName");
    }
    return t;
  }

  private static Filter required(Filter f, String action) {
    if (f == null) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "Filter", action + " needs a Filter");
    }
    return f;
  }

  /** The properties of a feature element: text values and the geometry. */
  private FeatureContent feature(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    Map<String, Object> values = new LinkedHashMap<>();
    Geometry geometry = null;
    while (SafeXml.nextChild(r) != null) {
      String name = r.getLocalName();
      Object v = content(r, crs);
      if (v instanceof Geometry g) {
        geometry = g;
      } else if (!IGNORED.contains(name)) {
        values.put(name, v);
      }
    }
    return new FeatureContent(values, geometry);
  }

  /** A property's content: a geometry when it holds an element, else its text (null when empty). */
  private Object content(XMLStreamReader r, CrsRef crs) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    Geometry g = null;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        g = gml(crs).read(r);
      } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (g != null) {
      return g;
    }
    String t = text.toString().trim();
    return t.isEmpty() ? null : t;
  }

  private record FeatureContent(Map<String, Object> values, Geometry geometry) {}
}
