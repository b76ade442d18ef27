package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.SortKey;
import cn.lzxq.city.data.query.fes.FesFilterReader;
import cn.lzxq.city.data.query.fes.SafeXml;
import cn.lzxq.city.server.encode.OutputFormat;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses WFS XML POST requests (WFS 2.0.0, and 1.1.0/1.0.0 GetFeature and Transaction as QGIS sends
 * them) with StAX into {@link WfsRequest} records. Elements are matched by local name. A {@code
 * wfs:StoredQuery} carries its {@code wfs:Parameter name="…"} values, read as the KVP parameters of
 * the same stored query are.
 */
final class WfsXmlParser {

  private final LayerCatalog catalog;
  private final int nativeSrid;
  private final WfsProperties settings;
  private final FilterLimits limits;

  WfsXmlParser(int nativeSrid, WfsProperties settings, FilterLimits limits, LayerCatalog catalog) {
    this.catalog = catalog;
    this.nativeSrid = nativeSrid;
    this.settings = settings;
    this.limits = limits;
  }

  WfsRequest parse(String xml) {
    if (xml.length() > 64L * 1024 * 1024) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE, "request", "the request body is too large");
    }
    XMLStreamReader r = SafeXml.open(xml, "request");
    try {
      String operation = r.getLocalName();
      String service = SafeXml.attribute(r, "service");
      if (service != null && !service.equalsIgnoreCase("WFS")) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE, "service", "service must be WFS");
      }
      String version =
          operation.equals("GetCapabilities")
              ? WfsParams.capabilitiesVersion(null, SafeXml.attribute(r, "version"))
              : WfsParams.version(SafeXml.attribute(r, "version"));
      return switch (operation) {
        case "GetCapabilities" -> new WfsRequest.GetCapabilities(version);
        case "DescribeFeatureType" -> new WfsRequest.DescribeFeatureType(version, typeNames(r));
        case "GetFeature" -> getFeature(r, version);
        case "GetPropertyValue" -> getPropertyValue(r, version);
        case "ListStoredQueries" -> new WfsRequest.ListStoredQueries(version);
        case "DescribeStoredQueries" ->
            new WfsRequest.DescribeStoredQueries(version, storedQueryIds(r));
        case "LockFeature" -> lockFeature(r, version);
        case "GetFeatureWithLock" -> getFeatureWithLock(r, version);
        case "Transaction" -> new TransactionReader(nativeSrid, version, limits, catalog).read(r);
        default ->
            throw new OwsException(
                OwsException.OPERATION_NOT_SUPPORTED, "request", "unknown request " + operation);
      };
    } catch (XMLStreamException e) {
      throw new OwsException(
          OwsException.OPERATION_PARSING_FAILED,
          "request",
          "the XML cannot be read: " + e.getMessage());
    } catch (QueryException e) {
      throw new OwsException(e.code(), e.locator(), e.getMessage());
    }
  }

  /**
   * LockFeature: 2.0 {@code wfs:Query} (or GetFeatureById) children, 1.x {@code wfs:Lock} children
   * (a Query's shape: typeName and a Filter); a 2.0 {@code lockId} attribute renews that lock.
   */
  private WfsRequest lockFeature(XMLStreamReader r, String version) throws XMLStreamException {
    String lockId = SafeXml.attribute(r, "lockId");
    Duration expiry = expiry(r, version);
    boolean all = WfsParams.lockAll(SafeXml.attribute(r, "lockAction"), "lockAction");
    List<WfsRequest.Query> queries = new ArrayList<>();
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("Query") || child.equals("Lock")) {
        queries.addAll(query(r, version, null));
      } else if (child.equals("StoredQuery")
          && WfsParams.GET_FEATURE_BY_ID.equals(SafeXml.attribute(r, "id"))) {
        queries.addAll(featureById(r, null));
      } else {
        SafeXml.skip(r);
      }
    }
    if (queries.isEmpty() && lockId == null) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "Query", "LockFeature needs a Query or a lockId");
    }
    return new WfsRequest.LockFeature(version, queries, expiry, all, lockId);
  }

  /** GetFeatureWithLock: a GetFeature with {@code expiry} and {@code lockAction}. */
  private WfsRequest getFeatureWithLock(XMLStreamReader r, String version)
      throws XMLStreamException {
    Duration expiry = expiry(r, version);
    boolean all = WfsParams.lockAll(SafeXml.attribute(r, "lockAction"), "lockAction");
    if (!(getFeature(r, version) instanceof WfsRequest.GetFeature features)) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "STOREDQUERY_ID",
          "GetFeatureWithLock takes a Query or GetFeatureById, not a contributed stored query");
    }
    return new WfsRequest.GetFeatureWithLock(features, expiry, all);
  }

  private static Duration expiry(XMLStreamReader r, String version) {
    String text = SafeXml.attribute(r, "expiry");
    return text == null ? null : WfsParams.expiry(text, version);
  }

  private List<Layer> typeNames(XMLStreamReader r) throws XMLStreamException {
    List<Layer> out = new ArrayList<>();
    while (SafeXml.nextChild(r) != null) {
      out.add(WfsParams.layer(catalog, SafeXml.text(r), "typeName"));
    }
    return out;
  }

  private static List<String> storedQueryIds(XMLStreamReader r) throws XMLStreamException {
    List<String> out = new ArrayList<>();
    while (SafeXml.nextChild(r) != null) {
      out.add(SafeXml.text(r));
    }
    return out;
  }

  private WfsRequest getPropertyValue(XMLStreamReader r, String version) throws XMLStreamException {
    String valueReference = SafeXml.attribute(r, "valueReference");
    if (valueReference == null) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "valueReference", "valueReference is missing");
    }
    if (!(getFeature(r, version) instanceof WfsRequest.GetFeature features)) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "STOREDQUERY_ID",
          "GetPropertyValue takes a Query or GetFeatureById, not a contributed stored query");
    }
    return new WfsRequest.GetPropertyValue(
        version, features, WfsParams.propertyName(valueReference));
  }

  /**
   * A GetFeature of Query and GetFeatureById elements, or the run of one contributed stored query
   * (a {@code wfs:StoredQuery} with another id, alone in its request).
   */
  private WfsRequest getFeature(XMLStreamReader r, String version) throws XMLStreamException {
    String countText = SafeXml.attribute(r, "count");
    if (countText == null) {
      countText = SafeXml.attribute(r, "maxFeatures");
    }
    long count =
        Math.min(
            countText == null ? settings.countDefault() : WfsParams.nonNegative(countText, "count"),
            settings.maxCount());
    String startText = SafeXml.attribute(r, "startIndex");
    long start = startText == null ? 0 : WfsParams.nonNegative(startText, "startIndex");
    WfsRequest.ResultType resultType =
        "hits".equalsIgnoreCase(SafeXml.attribute(r, "resultType"))
            ? WfsRequest.ResultType.HITS
            : WfsRequest.ResultType.RESULTS;
    String formatText = SafeXml.attribute(r, "outputFormat");
    OutputFormat format =
        formatText == null ? WfsParams.defaultFormat(version) : WfsParams.format(formatText);
    Instant asOf =
        SafeXml.attribute(r, "asOf") == null ? null : WfsParams.asOf(SafeXml.attribute(r, "asOf"));
    List<WfsRequest.Query> queries = new ArrayList<>();
    List<WfsRequest.RunStoredQuery> contributed = new ArrayList<>();
    boolean byId = false;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("Query")) {
        queries.addAll(query(r, version, asOf));
      } else if (child.equals("StoredQuery")
          && WfsParams.GET_FEATURE_BY_ID.equals(SafeXml.attribute(r, "id"))) {
        queries.addAll(featureById(r, asOf));
        byId = true;
      } else if (child.equals("StoredQuery")) {
        contributed.add(
            new WfsRequest.RunStoredQuery(version, storedQueryId(r), storedQueryParameters(r)));
      } else {
        SafeXml.skip(r);
      }
    }
    if (!contributed.isEmpty()) {
      if (contributed.size() > 1 || !queries.isEmpty()) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "STOREDQUERY_ID",
            "a stored query other than GetFeatureById is run alone in its GetFeature");
      }
      return contributed.get(0);
    }
    if (queries.isEmpty()) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "Query", "GetFeature needs a Query");
    }
    return new WfsRequest.GetFeature(
        version, queries, start, count, resultType, format, byId, null);
  }

  private List<WfsRequest.Query> query(XMLStreamReader r, String version, Instant asOf)
      throws XMLStreamException {
    String typeNames = SafeXml.attribute(r, "typeNames");
    if (typeNames == null) {
      typeNames = SafeXml.attribute(r, "typeName");
    }
    if (typeNames == null) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "typeNames", "a Query needs typeNames");
    }
    List<Layer> layers = WfsParams.layers(catalog, typeNames.replace(' ', ','), "typeNames");
    String srsName = SafeXml.attribute(r, "srsName");
    CrsRef srs = srsName == null ? CrsRef.epsg(nativeSrid) : WfsParams.crs(srsName, nativeSrid);
    Filter filter = Filter.all();
    List<String> propertyNames = new ArrayList<>();
    List<SortKey> sort = new ArrayList<>();
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "PropertyName", "ValueReference" -> propertyNames.add(SafeXml.text(r));
        case "Filter" -> filter = new FesFilterReader(srs, version.equals("1.0.0"), limits).read(r);
        case "SortBy" -> sort.addAll(sortBy(r));
        default -> SafeXml.skip(r);
      }
    }
    List<WfsRequest.Query> out = new ArrayList<>();
    for (Layer layer : layers) {
      out.add(WfsKvpParser.query(layer, filter, propertyNames, sort, srs, asOf));
    }
    return out;
  }

  private static List<SortKey> sortBy(XMLStreamReader r) throws XMLStreamException {
    List<SortKey> keys = new ArrayList<>();
    while (SafeXml.nextChild(r) != null) {
      String property = null;
      boolean ascending = true;
      String child;
      while ((child = SafeXml.nextChild(r)) != null) {
        String text = SafeXml.text(r);
        if (child.equals("SortOrder")) {
          ascending = !text.equalsIgnoreCase("DESC") && !text.equalsIgnoreCase("D");
        } else {
          property = WfsParams.propertyName(text);
        }
      }
      if (property == null) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "SortBy",
            "a SortProperty needs a ValueReference");
      }
      keys.add(new SortKey(property, ascending));
    }
    return keys;
  }

  private static String storedQueryId(XMLStreamReader r) {
    String id = SafeXml.attribute(r, "id");
    if (id == null || id.isBlank()) {
      throw new OwsException(
          OwsException.MISSING_PARAMETER_VALUE, "STOREDQUERY_ID", "a StoredQuery needs its id");
    }
    return id.trim();
  }

  /**
   * The {@code wfs:Parameter name="…"} values of a stored query, as its KVP parameters are read.
   */
  private static KvpMap storedQueryParameters(XMLStreamReader r) throws XMLStreamException {
    Map<String, String[]> values = new LinkedHashMap<>();
    while (SafeXml.nextChild(r) != null) {
      String name = SafeXml.attribute(r, "name");
      if (name == null) {
        throw new OwsException(
            OwsException.MISSING_PARAMETER_VALUE,
            "Parameter",
            "a stored query Parameter needs a name");
      }
      values.putIfAbsent(name, new String[] {SafeXml.text(r)});
    }
    return KvpMap.of(values);
  }

  private List<WfsRequest.Query> featureById(XMLStreamReader r, Instant asOf)
      throws XMLStreamException {
    String featureId =
        storedQueryParameters(r)
            .get("id")
            .orElseThrow(
                () ->
                    new OwsException(
                        OwsException.MISSING_PARAMETER_VALUE,
                        "id",
                        "GetFeatureById needs the parameter id"));
    List<String> ids = List.of(WfsParams.knownFeatureId(catalog, featureId));
    List<WfsRequest.Query> out = new ArrayList<>();
    for (Layer layer : WfsKvpParser.layersOfIds(catalog, ids)) {
      out.add(
          WfsKvpParser.query(
              layer,
              WfsKvpParser.idsOf(layer, ids),
              List.of(),
              List.of(),
              CrsRef.epsg(nativeSrid),
              asOf));
    }
    return out;
  }
}
