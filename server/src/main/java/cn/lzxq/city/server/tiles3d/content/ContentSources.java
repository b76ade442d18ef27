package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.terrain.DemSource;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.TilesetCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The content source of each {@link ContentKind} of the catalog, by the kind's encoding. */
@Component
public class ContentSources {

  private final Map<String, ContentSource> sources = new LinkedHashMap<>();

  public ContentSources(
      ReadExecutor reads, DatabaseProperties db, TilesetCatalog tilesets, DemSource dem) {
    int srid = db.nativeSrid();
    for (ContentKind k : tilesets.kinds()) {
      sources.put(
          k.code(),
          switch (k.encoding()) {
            case PIPES -> new PipeSource(k, reads, srid);
            case APPURTENANCES -> new PointSource(k, reads, srid);
            case TOWERS -> new StationSource(k, reads, srid, dem);
            case PARCELS -> new ParcelSource(k, reads, srid, dem);
            case BUILDINGS -> new BuildingSource(k, reads, srid, dem);
            case SECTORS ->
                throw new IllegalArgumentException(
                    "content " + k.code() + ": sectors join a TOWERS layer");
          });
    }
  }

  /** The source of {@code kind}. */
  public ContentSource of(ContentKind kind) {
    return sources.get(kind.code());
  }
}
