package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.edit.EditException;
import cn.lzxq.city.data.edit.EditResult;
import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.edit.FeatureEdit;
import cn.lzxq.city.data.edit.FeatureEditor;
import cn.lzxq.city.data.edit.FeatureLocks;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.server.encode.CollectionInfo;
import cn.lzxq.city.server.encode.EncodeOptions;
import cn.lzxq.city.server.encode.FeatureStreaming;
import cn.lzxq.city.server.encode.FeatureWriter;
import cn.lzxq.city.server.encode.GmlDialect;
import cn.lzxq.city.server.encode.Link;
import cn.lzxq.city.server.encode.OutputFormat;
import cn.lzxq.city.server.ows.OwsException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The WFS operations, one method each. Feature results are counted first (numberMatched, paging,
 * 404 for GetFeatureById), then streamed from the cursor while the response is written.
 */
@Service
public class WfsService {

  private final LayerCatalog catalog;
  private final FeatureSource source;
  private final FeatureEditor editor;
  private final FeatureLocks locks;
  private final EditProperties editSettings;
  private final WfsProperties settings;
  private final List<WfsStoredQuery> storedQueries;

  public WfsService(
      FeatureSource source,
      FeatureEditor editor,
      FeatureLocks locks,
      EditProperties editSettings,
      WfsProperties settings,
      ObjectProvider<WfsStoredQuery> storedQueries,
      LayerCatalog catalog) {
    this.catalog = catalog;
    this.source = source;
    this.editor = editor;
    this.locks = locks;
    this.editSettings = editSettings;
    this.settings = settings;
    this.storedQueries = storedQueries.orderedStream().toList();
  }

  /** The layers served (the vector layers of the catalog are the feature types). */
  LayerCatalog catalog() {
    return catalog;
  }

  int nativeSrid() {
    return source.sql().nativeSrid();
  }

  /** GetCapabilities: the document of the negotiated version. */
  WfsResponse getCapabilities(WfsRequest.GetCapabilities r, String url) {
    return WfsResponse.xml(
        WfsCapabilities.document(
            r.version(), url, settings.countDefault(), nativeSrid(), catalog.vectors()));
  }

  /** DescribeFeatureType: the GML application schema of the layers (all when none named). */
  WfsResponse describeFeatureType(WfsRequest.DescribeFeatureType r) {
    List<Layer> layers = r.layers().isEmpty() ? catalog.vectors() : r.layers();
    GmlDialect dialect =
        r.version().equals("1.0.0")
            ? GmlDialect.GML2
            : r.version().equals("1.1.0") ? GmlDialect.GML31 : GmlDialect.GML32;
    String doc = WfsSchema.document(layers, dialect);
    String type = dialect.mediaType();
    return new WfsResponse(
        200, type, out -> out.write(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** GetFeature (and the GetFeatureById stored query). */
  WfsResponse getFeature(WfsRequest.GetFeature r, String url) throws SQLException {
    return features(r, url, null, null);
  }

  /**
   * LockFeature: a new lock of {@code who} on the features the queries match, or a new expiry for
   * the lock named. Another lock holding a feature with lockAction ALL is CannotLockAllFeatures
   * (409), an unknown or expired lock InvalidLockId (400).
   */
  WfsResponse lockFeature(WfsRequest.LockFeature r, Editor who) {
    Duration expiry = expiry(r.expiry());
    FeatureLocks.Outcome o =
        locking(
            () ->
                r.renewLockId() != null
                    ? locks.renew(r.renewLockId(), expiry)
                    : locks.lock(targets(r.queries()), r.all(), expiry, who));
    return WfsResponse.xml(LockResponses.document(r.version(), o));
  }

  /**
   * GetFeatureWithLock: locks the matching features (all of them, paging aside), then answers the
   * GetFeature with the locked ones and the lock's id on the collection (GML only).
   */
  WfsResponse getFeatureWithLock(WfsRequest.GetFeatureWithLock r, String url, Editor who)
      throws SQLException {
    WfsRequest.GetFeature g = r.features();
    if (!g.format().gml() || g.byId()) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          g.byId() ? "STOREDQUERY_ID" : "outputFormat",
          "GetFeatureWithLock answers a GML feature collection (it carries the lockId)");
    }
    Duration expiry = expiry(r.expiry());
    FeatureLocks.Outcome o = locking(() -> locks.lock(targets(g.queries()), r.all(), expiry, who));
    List<WfsRequest.Query> held = new ArrayList<>();
    for (WfsRequest.Query q : g.queries()) {
      List<Long> fids =
          o.locked().stream()
              .filter(f -> f.layer().equals(q.layer().name()))
              .map(FeatureLocks.LockedFeature::fid)
              .toList();
      held.add(
          new WfsRequest.Query(
              q.layer(),
              new Filter.And(List.of(q.filter(), new Filter.ResourceIds(fids))),
              q.properties(),
              q.withGeometry(),
              q.sort(),
              q.srs(),
              q.asOf()));
    }
    WfsRequest.GetFeature locked =
        new WfsRequest.GetFeature(
            g.version(), held, g.startIndex(), g.count(), g.resultType(), g.format(), false, null);
    return features(locked, url, null, o.lockId());
  }

  /** ReleaseLock: ends the lock; InvalidLockId (400) when it is unknown or expired. */
  WfsResponse releaseLock(WfsRequest.ReleaseLock r) {
    long n = locking(() -> locks.release(r.lockId()));
    return WfsResponse.xml(LockResponses.released(r.lockId(), n));
  }

  private static List<FeatureLocks.Target> targets(List<WfsRequest.Query> queries) {
    return queries.stream().map(q -> new FeatureLocks.Target(q.layer(), q.filter())).toList();
  }

  /** The expiry asked for (the default when none), refused above the configured maximum. */
  private Duration expiry(Duration asked) {
    if (asked == null) {
      return editSettings.lockExpiry();
    }
    if (asked.compareTo(editSettings.maxLockExpiry()) > 0) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "expiry",
          "a lock lasts at most " + editSettings.maxLockExpiry().toSeconds() + " s");
    }
    return asked;
  }

  /** Runs a lock operation, its refusals as OWS exceptions. */
  private static <T> T locking(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (EditException e) {
      throw switch (e.reason()) {
        case LOCKED -> new OwsException("CannotLockAllFeatures", "lockAction", e.getMessage(), 409);
        case INVALID_LOCK -> new OwsException("InvalidLockId", "lockId", e.getMessage(), 400);
        case FORBIDDEN ->
            new OwsException("OperationProcessingFailed", "Lock", e.getMessage(), 403);
        default ->
            new OwsException(OwsException.INVALID_PARAMETER_VALUE, "Lock", e.getMessage(), 400);
      };
    } catch (QueryException e) {
      throw new OwsException(e.code(), e.locator(), e.getMessage());
    }
  }

  /** GetPropertyValue: the values of one property of the features, as a wfs:ValueCollection. */
  WfsResponse getPropertyValue(WfsRequest.GetPropertyValue r, String url) throws SQLException {
    for (WfsRequest.Query q : r.features().queries()) {
      String v = r.valueReference();
      boolean known =
          v.equals(q.layer().geometryColumn())
              || v.equals("valid_from")
              || v.equals("valid_to")
              || q.layer().attribute(v).isPresent();
      if (!known) {
        throw new OwsException(
            OwsException.INVALID_PARAMETER_VALUE,
            "VALUEREFERENCE",
            "no property '" + v + "' in " + q.layer().name());
      }
    }
    return features(r.features(), url, r.valueReference(), null);
  }

  /** ListStoredQueries. */
  WfsResponse listStoredQueries() {
    return WfsResponse.xml(
        StoredQueries.list(catalog.vectors().stream().map(Layer::name).toList(), storedQueries));
  }

  /** DescribeStoredQueries. */
  WfsResponse describeStoredQueries(WfsRequest.DescribeStoredQueries r) {
    return WfsResponse.xml(
        StoredQueries.describe(
            r.ids(), catalog.vectors().stream().map(Layer::name).toList(), storedQueries));
  }

  /** GetFeature of a contributed stored query: its GeoJSON answer. */
  WfsResponse runStoredQuery(WfsRequest.RunStoredQuery r) {
    WfsStoredQuery q = StoredQueries.find(r.id(), storedQueries);
    byte[] body = q.run(r.parameters());
    return new WfsResponse(200, "application/geo+json", out -> out.write(body));
  }

  /**
   * Transaction: all edits in one database transaction, as new versions written by {@code who}.
   * Invalid values or geometry are an InvalidParameterValue report (400) whose locator names the
   * action; a version conflict (the writer named a version that is no longer the latest) is
   * OperationProcessingFailed with 409, and so is an edit of a feature another lock holds; for WFS
   * 1.0.0, whose clients (QGIS) read the transaction response only, both are a {@code
   * WFS_TransactionResponse} with {@code FAILED}. An unknown or expired lockId is InvalidLockId.
   */
  WfsResponse transaction(WfsRequest.Transaction r, Editor who) {
    EditResult result;
    try {
      result =
          editor.apply(
              r.edits(),
              who,
              "WFS-T" + (r.handle() == null ? "" : " " + r.handle()),
              r.lockId() == null ? null : new FeatureLocks.Presented(r.lockId(), r.releaseAll()));
    } catch (EditException e) {
      String locator = e.locator() == null ? "Transaction" : e.locator();
      boolean conflict =
          e.reason() == EditException.Reason.CONFLICT || e.reason() == EditException.Reason.LOCKED;
      if (conflict && r.version().equals("1.0.0")) {
        return WfsResponse.xml(TransactionResponses.failed(r.handle(), locator, e.getMessage()));
      }
      throw switch (e.reason()) {
        case FORBIDDEN ->
            new OwsException("OperationProcessingFailed", locator, e.getMessage(), 403);
        case NOT_FOUND ->
            new OwsException("OperationProcessingFailed", locator, e.getMessage(), 404);
        case CONFLICT, LOCKED ->
            new OwsException("OperationProcessingFailed", locator, e.getMessage(), 409);
        case INVALID_LOCK -> new OwsException("InvalidLockId", "lockId", e.getMessage(), 400);
        case INVALID ->
            new OwsException(OwsException.INVALID_PARAMETER_VALUE, locator, e.getMessage(), 400);
      };
    } catch (QueryException e) {
      throw new OwsException(e.code(), e.locator(), e.getMessage());
    }
    List<String> ids = new ArrayList<>();
    int i = 0;
    for (FeatureEdit e : r.edits()) {
      if (e instanceof FeatureEdit.Insert) {
        ids.add(e.layer().name() + "." + result.inserted().get(i++));
      }
    }
    return WfsResponse.xml(TransactionResponses.document(r.version(), result, ids));
  }

  private WfsResponse features(
      WfsRequest.GetFeature r, String url, String valueReference, String lockId)
      throws SQLException {
    List<FeatureQuery> queries =
        r.queries().stream().map(q -> featureQuery(q, valueReference)).toList();
    long[] matched = new long[queries.size()];
    long total = 0;
    for (int i = 0; i < queries.size(); i++) {
      matched[i] = count(queries.get(i));
      total += matched[i];
    }
    if (r.byId() && total == 0) {
      throw new OwsException(OwsException.NOT_FOUND, "ID", "no feature with this id");
    }
    List<FeatureQuery> pages =
        r.resultType() == WfsRequest.ResultType.HITS ? List.of() : page(queries, matched, r);
    long returned = pages.stream().mapToLong(FeatureQuery::limit).sum();
    CollectionInfo info =
        new CollectionInfo(total, returned, Instant.now(), links(r, url, total), lockId);
    OutputFormat format = valueReference != null ? OutputFormat.GML32 : r.format();
    EncodeOptions options = options(r, url, format);
    return new WfsResponse(
        200,
        format.mediaType(),
        out -> {
          FeatureWriter w = format.writer(out, options, valueReference);
          FeatureStreaming.write(source, pages, info, w);
        });
  }

  private FeatureQuery featureQuery(WfsRequest.Query q, String valueReference) {
    List<String> properties = q.properties();
    boolean withGeometry = q.withGeometry();
    if (valueReference != null) {
      boolean attribute = q.layer().attribute(valueReference).isPresent();
      properties =
          attribute ? List.of(valueReference) : List.of(q.layer().attributes().get(0).name());
      withGeometry = valueReference.equals(q.layer().geometryColumn());
    }
    FeatureQuery fq =
        FeatureQuery.of(q.layer(), q.srs().srid())
            .withFilter(q.filter())
            .withProperties(properties)
            .withSort(q.sort())
            .withAsOf(q.asOf());
    return withGeometry ? fq : fq.withoutGeometry();
  }

  private long count(FeatureQuery q) throws SQLException {
    try {
      return source.count(q);
    } catch (QueryException e) {
      throw new OwsException(e.code(), e.locator(), e.getMessage());
    } catch (SQLException e) {
      if (ReadExecutor.timedOut(e)) {
        throw StatementTimeout.report();
      }
      throw e;
    }
  }

  /**
   * The page of each query: STARTINDEX and COUNT apply to the queries' results one after another.
   */
  private static List<FeatureQuery> page(
      List<FeatureQuery> queries, long[] matched, WfsRequest.GetFeature r) {
    List<FeatureQuery> out = new ArrayList<>();
    long skip = r.startIndex();
    long left = r.count();
    for (int i = 0; i < queries.size(); i++) {
      long s = Math.min(skip, matched[i]);
      long take = Math.min(matched[i] - s, left);
      skip -= s;
      left -= take;
      if (take > 0) {
        out.add(queries.get(i).withPage(s, take));
      }
    }
    return out;
  }

  private static List<Link> links(WfsRequest.GetFeature r, String url, long total) {
    List<Link> links = new ArrayList<>();
    if (r.pagingBase() == null || r.byId() || r.resultType() == WfsRequest.ResultType.HITS) {
      return links;
    }
    String base = url + "?" + r.pagingBase() + "&COUNT=" + r.count() + "&STARTINDEX=";
    if (r.startIndex() + r.count() < total) {
      links.add(Link.of(base + (r.startIndex() + r.count()), "next", r.format().mediaType()));
    }
    if (r.startIndex() > 0) {
      links.add(
          Link.of(
              base + Math.max(0, r.startIndex() - r.count()), "previous", r.format().mediaType()));
    }
    return links;
  }

  private static EncodeOptions options(WfsRequest.GetFeature r, String url, OutputFormat format) {
    boolean eastNorth = !format.gml() || r.version().equals("1.0.0");
    String types =
        r.queries().stream()
            .map(q -> "city:" + q.layer().name())
            .distinct()
            .collect(Collectors.joining(","));
    String wfsSchema =
        switch (format) {
          case GML32 ->
              "http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd ";
          case GML31 -> "http://www.opengis.net/wfs http://schemas.opengis.net/wfs/1.1.0/wfs.xsd ";
          default ->
              "http://www.opengis.net/wfs http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd ";
        };
    String appSchema =
        GmlDialect.APP_NAMESPACE
            + " "
            + url
            + "?service=WFS&version="
            + r.version()
            + "&request=DescribeFeatureType&typeNames="
            + types;
    if (r.byId()) {
      // a bare feature (GetFeatureById) uses nothing of the WFS schema: name only the application
      // schema
      return new EncodeOptions(r.queries().get(0).srs(), eastNorth, true, appSchema, true);
    }
    return new EncodeOptions(
        r.queries().get(0).srs(), eastNorth, true, wfsSchema + appSchema, false);
  }
}
