package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.edit.EditException;
import cn.lzxq.city.data.edit.EditResult;
import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.edit.FeatureEdit;
import cn.lzxq.city.data.edit.FeatureEditor;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.server.encode.CollectionInfo;
import cn.lzxq.city.server.encode.EncodeOptions;
import cn.lzxq.city.server.encode.FeatureStreaming;
import cn.lzxq.city.server.encode.GeoJsonFeatureWriter;
import cn.lzxq.city.server.encode.Link;
import cn.lzxq.city.server.encode.StreamedResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * The OGC API Features operations: items (counted, then streamed from the cursor), one item, and
 * the Part 4 writes as new versions through the shared {@link FeatureEditor}.
 */
@Service
public class OgcApiService {

  private final LayerCatalog catalog;
  private final FeatureSource source;
  private final FeatureEditor editor;

  public OgcApiService(FeatureSource source, FeatureEditor editor, LayerCatalog catalog) {
    this.catalog = catalog;
    this.source = source;
    this.editor = editor;
  }

  /** The layers served: the vector layers are the collections. */
  LayerCatalog catalog() {
    return catalog;
  }

  int nativeSrid() {
    return source.sql().nativeSrid();
  }

  /** The layer of a collection id, or 404. */
  Layer layer(String collectionId) {
    return catalog
        .findVector(collectionId)
        .orElseThrow(() -> new OgcApiException(404, "no collection '" + collectionId + "'"));
  }

  /** A page of items, written as GeoJSON (or an HTML table). */
  StreamedResponse.Body items(ItemsRequest r, String itemsUrl, String query) throws SQLException {
    FeatureQuery q =
        FeatureQuery.of(r.layer(), r.crs().srid()).withFilter(r.filter()).withAsOf(r.asOf());
    long matched = count(q);
    long returned = Math.max(0, Math.min(r.limit(), matched - r.offset()));
    List<Link> links = new ArrayList<>();
    String base = itemsUrl + "?" + (query.isEmpty() ? "" : query + "&");
    links.add(
        Link.of(itemsUrl + (query.isEmpty() ? "" : "?" + query), "self", "application/geo+json"));
    links.add(Link.of(base + "f=html", "alternate", "text/html"));
    if (r.offset() + r.limit() < matched) {
      links.add(
          Link.of(
              base + "offset=" + (r.offset() + r.limit()) + "&limit=" + r.limit(),
              "next",
              "application/geo+json"));
    }
    if (r.offset() > 0) {
      links.add(
          Link.of(
              base + "offset=" + Math.max(0, r.offset() - r.limit()) + "&limit=" + r.limit(),
              "prev",
              "application/geo+json"));
    }
    CollectionInfo info = new CollectionInfo(matched, returned, Instant.now(), links);
    FeatureQuery page = q.withPage(r.offset(), r.limit());
    EncodeOptions options = new EncodeOptions(r.crs(), false, false, null, false);
    return out ->
        FeatureStreaming.write(
            source,
            List.of(page),
            info,
            r.html()
                ? HtmlPages.table(out, r.layer().titleZh() + " / " + r.layer().titleEn())
                : new GeoJsonFeatureWriter(out, options));
  }

  /** One current item (or as of a time), or 404. */
  StreamedResponse.Body item(Layer layer, long fid, CrsRef crs, Instant asOf, String collectionUrl)
      throws SQLException {
    FeatureQuery q =
        FeatureQuery.of(layer, crs.srid())
            .withFilter(new Filter.ResourceIds(List.of(fid)))
            .withAsOf(asOf);
    if (count(q) == 0) {
      throw new OgcApiException(404, "no feature " + fid + " in " + layer.name());
    }
    List<Link> links =
        List.of(
            Link.of(collectionUrl + "/items/" + fid, "self", "application/geo+json"),
            Link.of(collectionUrl, "collection", "application/json"));
    CollectionInfo info = new CollectionInfo(1, 1, Instant.now(), links);
    EncodeOptions options = new EncodeOptions(crs, false, false, null, true);
    return out ->
        FeatureStreaming.write(source, List.of(q), info, new GeoJsonFeatureWriter(out, options));
  }

  /**
   * The strong ETag of a feature's latest version: its {@code version_id} quoted. Empty when the
   * feature has no latest version.
   */
  Optional<String> etag(Layer layer, long fid) {
    OptionalLong v = editor.latestVersion(layer, fid);
    return v.isPresent() ? Optional.of(etag(v.getAsLong())) : Optional.empty();
  }

  static String etag(long versionId) {
    return "\"" + versionId + "\"";
  }

  /** Part 4 create: the new feature's id and the ETag of its first version. */
  Written create(Layer layer, FeatureInput in, Editor who) {
    EditResult r = apply(new FeatureEdit.Insert(layer, in.values(), in.geometry()), who);
    long fid = r.inserted().get(0);
    return new Written(fid, etag(r.versions().get(fid)));
  }

  /**
   * Part 4 replace; {@code ifMatch} the request's If-Match header or null. Returns the new ETag.
   */
  String replace(Layer layer, long fid, FeatureInput in, Editor who, String ifMatch) {
    Long version = expectedVersion(layer, fid, ifMatch);
    EditResult r =
        apply(new FeatureEdit.Replace(layer, fid, in.values(), in.geometry(), version), who);
    return etag(r.versions().get(fid));
  }

  /** Part 4 update (merge patch of properties and geometry). Returns the new ETag. */
  String update(Layer layer, long fid, FeatureInput in, Editor who, String ifMatch) {
    EditResult r =
        apply(
            new FeatureEdit.Update(layer, one(layer, fid, ifMatch), in.values(), in.geometry()),
            who);
    if (r.updated() == 0) {
      throw new OgcApiException(404, "no feature " + fid + " in " + layer.name());
    }
    return etag(r.versions().get(fid));
  }

  /** Part 4 delete. */
  void delete(Layer layer, long fid, Editor who, String ifMatch) {
    EditResult r = apply(new FeatureEdit.Delete(layer, one(layer, fid, ifMatch)), who);
    if (r.deleted() == 0) {
      throw new OgcApiException(404, "no feature " + fid + " in " + layer.name());
    }
  }

  /** A new feature's id and ETag. */
  record Written(long fid, String etag) {}

  private Filter one(Layer layer, long fid, String ifMatch) {
    Long version = expectedVersion(layer, fid, ifMatch);
    return new Filter.ResourceIds(List.of(fid), version == null ? Map.of() : Map.of(fid, version));
  }

  /**
   * The version an If-Match names: null without the header; for {@code *} the latest one (412 when
   * the feature has none); for a list of strong ETags the one that is the latest (412 when none
   * is). The editor checks it again under its lock, so a concurrent writer still loses.
   */
  private Long expectedVersion(Layer layer, long fid, String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    OptionalLong latest = editor.latestVersion(layer, fid);
    if (latest.isEmpty()) {
      throw new OgcApiException(412, "If-Match: " + layer.name() + " " + fid + " does not exist");
    }
    for (String tag : ifMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag(latest.getAsLong()))) {
        return latest.getAsLong();
      }
    }
    throw new OgcApiException(
        412,
        "If-Match "
            + ifMatch.trim()
            + " is not the current version "
            + etag(latest.getAsLong())
            + " of "
            + layer.name()
            + " "
            + fid
            + ": read it again");
  }

  /** True when the edit names the version its writer read (from If-Match). */
  private static boolean conditional(FeatureEdit edit) {
    return edit instanceof FeatureEdit.Replace r && r.version() != null
        || edit instanceof FeatureEdit.Update u
            && !((Filter.ResourceIds) u.filter()).versions().isEmpty()
        || edit instanceof FeatureEdit.Delete d
            && !((Filter.ResourceIds) d.filter()).versions().isEmpty();
  }

  private EditResult apply(FeatureEdit edit, Editor who) {
    try {
      return editor.apply(List.of(edit), who, "OGC API Features");
    } catch (EditException e) {
      throw new OgcApiException(
          switch (e.reason()) {
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> conditional(edit) ? 412 : 409;
            case LOCKED -> 409;
            case INVALID_LOCK -> 400;
          },
          e.getMessage());
    } catch (QueryException e) {
      throw new OgcApiException(400, e.getMessage());
    }
  }

  private long count(FeatureQuery q) throws SQLException {
    try {
      return source.count(q);
    } catch (QueryException e) {
      throw new OgcApiException(400, e.getMessage());
    }
  }
}
