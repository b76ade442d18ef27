package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.ows.KvpMap;
import java.util.List;

/**
 * A WFS 2.0 stored query contributed by another package as a Spring bean: listed by
 * ListStoredQueries, described by DescribeStoredQueries and run by GetFeature with its {@code
 * STOREDQUERY_ID}. Its answer is a GeoJSON FeatureCollection; bad parameters are reported as {@link
 * cn.lzxq.city.server.ows.OwsException}.
 */
public interface WfsStoredQuery {

  /** The stored query identifier (a URN). */
  String id();

  /** A one-line title. */
  String title();

  /** What the query returns and how its parameters are read. */
  String description();

  /** The feature type the query returns (qualified, e.g. {@code city:ClearanceViolation}). */
  String returnFeatureType();

  /** The parameters, in the order they are documented. */
  List<Parameter> parameters();

  /**
   * Runs the query with the request's key-value parameters; returns a GeoJSON FeatureCollection
   * (UTF-8).
   */
  byte[] run(KvpMap parameters);

  /**
   * One stored-query parameter.
   *
   * @param name the KVP name
   * @param type its XML Schema type (e.g. {@code xs:string})
   * @param abstractText what it means, with units and axis order
   */
  record Parameter(String name, String type, String abstractText) {}
}
