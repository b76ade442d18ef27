package cn.lzxq.city.server.wms;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.catalog.LayerMeasurements;
import cn.lzxq.city.server.wms.layer.LayerExtents;
import cn.lzxq.city.server.wms.layer.WmsLayers;
import cn.lzxq.city.server.wms.style.StyleDictionary;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WMS layer tree with its styles (built from the database dictionaries) and the layer extents.
 * Each is read once (one reader at a time; the others wait for it) and then, when older than the
 * configured time to live, read again on the catalog's own thread while requests keep the value
 * they have: GetCapabilities and GetMap never wait for a re-read, and a re-read that fails (the
 * database away) keeps the last value.
 */
final class WmsCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(WmsCatalog.class);

  private final Refreshed<WmsLayers> layers;
  private final Refreshed<Map<String, Map<CrsRef, Envelope>>> extents;
  private final ExecutorService reader;

  WmsCatalog(
      ReadExecutor reads,
      int nativeSrid,
      Duration ttl,
      LayerCatalog catalog,
      LayerMeasurements measurements) {
    this.reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "wms-catalog");
              t.setDaemon(true);
              return t;
            });
    this.layers =
        new Refreshed<>(
            "layer styles", () -> new WmsLayers(StyleDictionary.load(reads), catalog), ttl, reader);
    this.extents =
        new Refreshed<>(
            "layer extents",
            () -> LayerExtents.load(reads, nativeSrid, catalog, measurements.current()),
            ttl,
            reader);
  }

  /**
   * Reads both on the catalog's thread now (at start-up), so the first requests find them; a
   * failure is left for the first request to meet.
   */
  void warm() {
    reader.execute(
        () -> {
          try {
            layers.get();
            extents.get();
          } catch (RuntimeException e) {
            LOG.warn("WMS catalog not read at start-up ({})", e.getMessage());
          }
        });
  }

  /** The layer tree and styles. */
  WmsLayers layers() {
    return layers.get();
  }

  /** Layer extents by catalog layer name and CRS. */
  Map<String, Map<CrsRef, Envelope>> extents() {
    return extents.get();
  }

  private interface SqlLoader<T> {
    T load() throws SQLException;
  }

  /** A value read once, then re-read in the background when stale. */
  private static final class Refreshed<T> {

    private record Cached<T>(T value, long loadedNanos) {}

    private final String what;
    private final SqlLoader<T> loader;
    private final long ttlNanos;
    private final ExecutorService reader;
    private final AtomicBoolean rereading = new AtomicBoolean();
    private volatile Cached<T> current;
    private volatile boolean lastFailed;

    Refreshed(String what, SqlLoader<T> loader, Duration ttl, ExecutorService reader) {
      this.what = what;
      this.loader = loader;
      this.ttlNanos = ttl.toNanos();
      this.reader = reader;
    }

    T get() {
      Cached<T> c = current;
      if (c == null) {
        return first();
      }
      if (System.nanoTime() - c.loadedNanos() > ttlNanos && rereading.compareAndSet(false, true)) {
        reader.execute(this::reread);
      }
      return c.value();
    }

    private synchronized T first() {
      Cached<T> c = current;
      if (c == null) {
        c = new Cached<>(load(), System.nanoTime());
        current = c;
      }
      return c.value();
    }

    private void reread() {
      try {
        current = new Cached<>(load(), System.nanoTime());
        if (lastFailed) {
          LOG.info("WMS {} read again", what);
        }
        lastFailed = false;
      } catch (RuntimeException e) {
        if (!lastFailed) {
          LOG.warn("WMS {} not read again ({}); the last ones are served", what, e.getMessage());
        }
        lastFailed = true;
      } finally {
        rereading.set(false);
      }
    }

    private T load() {
      try {
        return loader.load();
      } catch (SQLException e) {
        throw new IllegalStateException("WMS catalog query failed", e);
      }
    }
  }
}
