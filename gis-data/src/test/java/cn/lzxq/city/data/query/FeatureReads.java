package cn.lzxq.city.data.query;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: drains a query's cursor into a list (tests read a handful of features). */
public final class FeatureReads {

  private FeatureReads() {}

  /** Every feature the query selects, in its order. */
  public static List<Feature> all(FeatureSource source, FeatureQuery q) throws SQLException {
    List<Feature> out = new ArrayList<>();
    try (FeatureCursor c = source.stream(q)) {
      while (c.next()) {
        out.add(c.current());
      }
    }
    return out;
  }
}
