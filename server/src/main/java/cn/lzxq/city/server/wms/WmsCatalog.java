package cn.lzxq.city.server.wms;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.wms.layer.LayerExtents;
import cn.lzxq.city.server.wms.layer.WmsLayers;
import cn.lzxq.city.server.wms.style.StyleDictionary;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS layer tree with its styles (built from the database dictionaries) and the layer extents,
 * each re-read when older than the configured time to live.
 */
final class WmsCatalog {

  private record Cached<T>(T value, long loadedNanos) {}

  private final LayerCatalog catalog;
  private final DataSource dataSource;
  private final int nativeSrid;
  private final Duration ttl;
  private volatile Cached<WmsLayers> layers;
  private volatile Cached<Map<String, Map<CrsRef, Envelope>>> extents;

  WmsCatalog(DataSource dataSource, int nativeSrid, Duration ttl, LayerCatalog catalog) {
    this.catalog = catalog;
    this.dataSource = dataSource;
    this.nativeSrid = nativeSrid;
    this.ttl = ttl;
  }

  /** The layer tree and styles. */
  WmsLayers layers() {
    Cached<WmsLayers> c = layers;
    if (stale(c)) {
      c =
          new Cached<>(
              new WmsLayers(load(() -> StyleDictionary.load(dataSource)), catalog),
              System.nanoTime());
      layers = c;
    }
    return c.value();
  }

  /** Layer extents by catalog layer name and CRS. */
  Map<String, Map<CrsRef, Envelope>> extents() {
    Cached<Map<String, Map<CrsRef, Envelope>>> c = extents;
    if (stale(c)) {
      c =
          new Cached<>(
              load(() -> LayerExtents.load(dataSource, nativeSrid, catalog)), System.nanoTime());
      extents = c;
    }
    return c.value();
  }

  private boolean stale(Cached<?> c) {
    return c == null || System.nanoTime() - c.loadedNanos() > ttl.toNanos();
  }

  private interface SqlLoader<T> {
    T load() throws SQLException;
  }

  private static <T> T load(SqlLoader<T> loader) {
    try {
      return loader.load();
    } catch (SQLException e) {
      throw new IllegalStateException("WMS catalog query failed", e);
    }
  }
}
