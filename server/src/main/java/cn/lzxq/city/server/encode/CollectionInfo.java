package cn.lzxq.city.server.encode;

import java.time.Instant;
import java.util.List;

/**
 * What a feature collection response carries besides its features.
 *
 * @param numberMatched features matching the query, paging ignored; -1 when unknown
 * @param numberReturned features in this response
 * @param timeStamp when the response was made
 * @param links next/previous (WFS 2.0 attributes, GeoJSON links) and others
 * @param lockId the lock holding the features (WFS GetFeatureWithLock), or null
 */
public record CollectionInfo(
    long numberMatched, long numberReturned, Instant timeStamp, List<Link> links, String lockId) {

  public CollectionInfo {
    links = List.copyOf(links);
  }

  /** A collection no lock holds. */
  public CollectionInfo(
      long numberMatched, long numberReturned, Instant timeStamp, List<Link> links) {
    this(numberMatched, numberReturned, timeStamp, links, null);
  }

  /** The href of the link with this relation, or null. */
  public String href(String rel) {
    return links.stream().filter(l -> l.rel().equals(rel)).map(Link::href).findFirst().orElse(null);
  }
}
