package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One edit of a WFS Transaction or an OGC API Part 4 request. Values are keyed by attribute name
 * (checked against the layer) and are Strings, Numbers, Booleans, Lists or null; a geometry has its
 * SRID set and x = easting/longitude.
 */
public sealed interface FeatureEdit {

  /** The layer edited. */
  Layer layer();

  /** A new feature. */
  record Insert(Layer layer, Map<String, Object> values, Geometry geometry) implements FeatureEdit {
    public Insert {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /**
   * New versions of the matching features with some values changed ({@code geometry} null: kept).
   */
  record Update(Layer layer, Filter filter, Map<String, Object> values, Geometry geometry)
      implements FeatureEdit {
    public Update {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /**
   * A new version of one feature with every attribute replaced (absent ones become null); {@code
   * version} is the version_id the writer read (a conflict when it is no longer the latest), or
   * null for any.
   */
  record Replace(Layer layer, long fid, Map<String, Object> values, Geometry geometry, Long version)
      implements FeatureEdit {
    public Replace {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** The matching features end (their current version is closed). */
  record Delete(Layer layer, Filter filter) implements FeatureEdit {}
}
