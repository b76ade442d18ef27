package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.db.DatabaseReadException;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.ChangeLog;
import cn.lzxq.city.server.tilestore.TileStore;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/**
 * Mapbox Vector Tiles (2.1) of catalog layers, one MVT layer per catalog layer named as the layer,
 * built by PostGIS ({@code ST_AsMVT}) through the one query path ({@link FeatureQuery}, {@code
 * SqlBuilder.mvt}): the tile window grown by the buffer is the query's BBOX filter, so the spatial
 * index of the native geometry is used; geometries are simplified to half a tile unit and clipped
 * to the buffer; the feature id is the fid WFS and OGC API Features use. Kept in the {@link
 * TileStore} under {@code 2d/mvt/<layers>/<set>/<time>/<z>/<row>/<col>.mvt}; stale when a later
 * change of one of its layers crosses the tile grown by the buffer.
 */
@Service
public class VectorTiles {

  private final FeatureSource features;
  private final TileStore store;
  private final ChangeLog changes;
  private final TileAreas areas;
  private final MapTilesProperties props;

  public VectorTiles(
      FeatureSource features,
      TileStore store,
      ChangeLog changes,
      TileAreas areas,
      MapTilesProperties props) {
    this.features = features;
    this.store = store;
    this.changes = changes;
    this.areas = areas;
    this.props = props;
  }

  /** The tile of {@code layers} (vector layers of the catalog) as of {@code asOf} (null: now). */
  public CacheEntry tile(
      List<Layer> layers, Instant asOf, TileMatrixSet set, int z, long row, long col) {
    String key =
        "2d/mvt/"
            + String.join(",", layers.stream().map(Layer::name).toList())
            + "/"
            + set.id()
            + "/"
            + TileTime.key(asOf)
            + "/"
            + z
            + "/"
            + row
            + "/"
            + col
            + ".mvt";
    double bufferPx = (double) props.mvtBuffer() * TileMatrixSet.TILE_SIZE / props.mvtExtent();
    Envelope reach = set.tileEnvelope(z, row, col, bufferPx);
    double[] box = areas.lonLat(set, reach);
    List<String> names = layers.stream().map(Layer::name).toList();
    CacheEntry e = store.get(key);
    if (e != null) {
      changes.poll(); // the log's news only for a stored tile: a new one records what the log knows
      if (!changes.changedSince(e.seq(), names, z, box)) {
        return e;
      }
    }
    long seq = changes.seq();
    e = new CacheEntry(build(layers, asOf, set, z, row, col), seq);
    store.put(key, e);
    return e;
  }

  /** The MVT bytes of a tile, built now (layers concatenated: MVT layers are repeated fields). */
  byte[] build(List<Layer> layers, Instant asOf, TileMatrixSet set, int z, long row, long col) {
    Envelope tile = set.tileEnvelope(z, row, col, 0);
    double bufferPx = (double) props.mvtBuffer() * TileMatrixSet.TILE_SIZE / props.mvtExtent();
    Envelope window = set.tileEnvelope(z, row, col, bufferPx);
    int srid = set.crs().srid();
    double unitM =
        set.cellSize(z) * set.metresPerUnit() * TileMatrixSet.TILE_SIZE / props.mvtExtent();
    double simplify = unitM / 2 < 0.01 ? 0 : unitM / 2;
    try {
      return features
          .reads()
          .read(
              tx -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (Layer layer : layers) {
                  FeatureQuery q =
                      new FeatureQuery(
                          layer,
                          new Filter.BBox(window, srid),
                          List.of(),
                          List.of(),
                          0,
                          -1,
                          srid,
                          asOf,
                          simplify,
                          true,
                          true);
                  PreparedSql sql =
                      features
                          .sql()
                          .mvt(q, layer.name(), tile, srid, props.mvtExtent(), props.mvtBuffer());
                  out.writeBytes(tx.one(sql.sql(), sql.params(), rs -> rs.getBytes(1)));
                }
                return out.toByteArray();
              });
    } catch (SQLException ex) {
      throw new DatabaseReadException(ex);
    }
  }
}
