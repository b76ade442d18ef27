package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.query.FeatureCursor;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureSource;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** Runs queries through a cursor into a writer: the one streaming loop WFS and OGC API share. */
public final class FeatureStreaming {

  private FeatureStreaming() {}

  /**
   * Writes the results of the queries, in order, as one collection.
   *
   * @return the number of features written
   */
  public static long write(
      FeatureSource source, List<FeatureQuery> queries, CollectionInfo info, FeatureWriter writer)
      throws IOException, SQLException {
    long n = 0;
    writer.begin(info);
    for (FeatureQuery q : queries) {
      try (FeatureCursor c = source.stream(q)) {
        writer.layer(q.layer(), c.attributes());
        while (c.next()) {
          writer.feature(c.current());
          n++;
        }
      }
    }
    writer.end();
    return n;
  }
}
