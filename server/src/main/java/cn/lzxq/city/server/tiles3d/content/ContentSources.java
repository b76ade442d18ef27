package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.tiles3d.ContentKind;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The content source of each {@link ContentKind}. */
@Component
public class ContentSources {

  private final Map<ContentKind, ContentSource> sources = new EnumMap<>(ContentKind.class);

  public ContentSources(JdbcTemplate jdbc, DatabaseProperties db) {
    int srid = db.nativeSrid();
    for (ContentKind k : ContentKind.values()) {
      if (k.isPipes()) {
        sources.put(k, new PipeSource(k, jdbc, srid));
      }
    }
    sources.put(ContentKind.POINTS, new PointSource(jdbc, srid));
    sources.put(ContentKind.STATIONS, new StationSource(jdbc, srid));
    sources.put(ContentKind.PARCELS, new ParcelSource(jdbc, srid));
  }

  /** The source of {@code kind}. */
  public ContentSource of(ContentKind kind) {
    return sources.get(kind);
  }
}
