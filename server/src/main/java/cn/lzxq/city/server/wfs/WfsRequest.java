package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.edit.FeatureEdit;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.SortKey;
import cn.lzxq.city.server.encode.OutputFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A WFS request, parsed from KVP ({@link WfsKvpParser}) or XML ({@link WfsXmlParser}); one record
 * per operation.
 */
public sealed interface WfsRequest {

  /** The WFS version asked for: 2.0.0, 1.1.0 or 1.0.0. */
  String version();

  /** GetCapabilities. */
  record GetCapabilities(String version) implements WfsRequest {}

  /** DescribeFeatureType of some layers (empty: all). */
  record DescribeFeatureType(String version, List<Layer> layers) implements WfsRequest {
    public DescribeFeatureType {
      layers = List.copyOf(layers);
    }
  }

  /**
   * One query of a GetFeature: a layer, its filter, the properties asked for, sort order, output
   * CRS and as-of time.
   *
   * @param properties the attributes asked for (empty: all); {@code withGeometry} says whether the
   *     geometry is among them
   * @param srs the output CRS (the native CRS when SRSNAME is absent)
   * @param asOf the time the city is read at (vendor parameter ASOF), or null for now
   */
  record Query(
      Layer layer,
      Filter filter,
      List<String> properties,
      boolean withGeometry,
      List<SortKey> sort,
      CrsRef srs,
      Instant asOf) {
    public Query {
      properties = List.copyOf(properties);
      sort = List.copyOf(sort);
    }
  }

  /** Whether GetFeature returns features or only their number. */
  enum ResultType {
    RESULTS,
    HITS
  }

  /**
   * GetFeature (and, with {@code byId}, the GetFeatureById stored query).
   *
   * @param count the most features to return
   * @param byId true for GetFeatureById: one bare feature, 404 when missing
   * @param pagingBase the KVP query string without STARTINDEX/COUNT for next/previous links, or
   *     null
   */
  record GetFeature(
      String version,
      List<Query> queries,
      long startIndex,
      long count,
      ResultType resultType,
      OutputFormat format,
      boolean byId,
      String pagingBase)
      implements WfsRequest {
    public GetFeature {
      queries = List.copyOf(queries);
    }
  }

  /** GetPropertyValue: a GetFeature and the property whose values are returned. */
  record GetPropertyValue(String version, GetFeature features, String valueReference)
      implements WfsRequest {}

  /**
   * GetFeature with the STOREDQUERY_ID of a contributed {@link WfsStoredQuery} and its parameters.
   */
  record RunStoredQuery(String version, String id, cn.lzxq.city.server.ows.KvpMap parameters)
      implements WfsRequest {}

  /** ListStoredQueries. */
  record ListStoredQueries(String version) implements WfsRequest {}

  /** DescribeStoredQueries (empty ids: all). */
  record DescribeStoredQueries(String version, List<String> ids) implements WfsRequest {
    public DescribeStoredQueries {
      ids = List.copyOf(ids);
    }
  }

  /**
   * Transaction: the edits in document order, all or nothing.
   *
   * @param lockId the feature lock the writer holds (2.0 attribute {@code lockId}, 1.x element
   *     {@code LockId}), or null
   * @param releaseAll releaseAction ALL (default: a successful transaction ends the lock) or SOME
   *     (only the features it edited are released)
   */
  record Transaction(
      String version, List<FeatureEdit> edits, String handle, String lockId, boolean releaseAll)
      implements WfsRequest {
    public Transaction {
      edits = List.copyOf(edits);
    }
  }

  /**
   * LockFeature: lock the features the queries match, or (with {@code renewLockId}, WFS 2.0) give
   * that existing lock a new expiry.
   *
   * @param expiry the expiry asked for (2.0: seconds, 1.x: minutes), or null for the default
   * @param all lockAction ALL (fail unless every feature can be locked) or SOME
   */
  record LockFeature(
      String version, List<Query> queries, Duration expiry, boolean all, String renewLockId)
      implements WfsRequest {
    public LockFeature {
      queries = List.copyOf(queries);
    }
  }

  /** GetFeatureWithLock: a GetFeature whose matching features are locked first. */
  record GetFeatureWithLock(GetFeature features, Duration expiry, boolean all)
      implements WfsRequest {
    @Override
    public String version() {
      return features.version();
    }
  }

  /** ReleaseLock (KVP, as GeoServer has it): end a lock. */
  record ReleaseLock(String version, String lockId) implements WfsRequest {}
}
