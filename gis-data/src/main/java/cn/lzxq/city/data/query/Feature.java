package cn.lzxq.city.data.query;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One version of a feature as read: its stable id, validity interval, attribute values in catalog
 * order (Strings, Longs/Integers, BigDecimals, Booleans, LocalDates, Instants, Lists of Strings;
 * null when empty) and geometry (x = easting/longitude, with the output SRID set).
 */
public record Feature(
    long fid,
    Instant validFrom,
    Instant validTo,
    Map<String, Object> properties,
    Geometry geometry) {

  public Feature {
    properties = Collections.unmodifiableMap(properties);
  }
}
