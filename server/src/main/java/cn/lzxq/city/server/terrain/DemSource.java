package cn.lzxq.city.server.terrain;

import cn.lzxq.city.data.terrain.DemGrid;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.DemVersion;
import cn.lzxq.city.server.tilestore.ChangeLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The current DEM as this server sees it: the version row, read again when the change log shows a
 * {@code dem} change, and its pixel blocks read on demand into a memory cache bounded by {@code
 * city.terrain.dem-cache-mb}.
 */
@Component
public class DemSource {

  /** A DEM version with access to its pixels (NaN off the grid). */
  public record Dem(DemVersion version, DemGrid.Pixels pixels) {

    /** The height at a position, metres (1985 datum), NaN off the DEM. */
    public double sample(double lon, double lat) {
      return version.grid().sample(lon, lat, pixels);
    }
  }

  private final DataSource db;
  private final ChangeLog changes;
  private final long budgetBytes;
  private final LinkedHashMap<String, float[]> blocks = new LinkedHashMap<>(256, 0.75f, true);
  private long usedBytes;
  private Dem current;
  private long seenSeq = -1;

  public DemSource(DataSource db, ChangeLog changes, TerrainProperties props) {
    this.db = db;
    this.changes = changes;
    this.budgetBytes = props.demCacheMb() * 1024L * 1024L;
  }

  /** The current DEM, or null when none was imported. */
  public Dem current() {
    changes.poll();
    synchronized (this) {
      if (seenSeq < 0 || changes.changedSince(seenSeq, List.of(DemStore.LAYER), null, 0)) {
        long seq = changes.seq();
        try (Connection c = db.getConnection()) {
          DemVersion v = DemStore.current(c);
          current = v == null ? null : new Dem(v, (col, row) -> pixel(v, col, row));
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read the DEM: " + e.getMessage(), e);
        }
        seenSeq = seq;
      }
      return current;
    }
  }

  private float pixel(DemVersion v, int col, int row) {
    int t = v.tileSize();
    if (col < 0 || row < 0 || col >= v.grid().width() || row >= v.grid().height()) {
      return Float.NaN;
    }
    float[] block = block(v, row / t, col / t);
    int w = Math.min(t, v.grid().width() - (col / t) * t);
    return block == null ? Float.NaN : block[(row % t) * w + col % t];
  }

  private float[] block(DemVersion v, int row, int col) {
    String key = v.id() + "/" + row + "/" + col;
    synchronized (blocks) {
      float[] b = blocks.get(key);
      if (b != null) {
        return b;
      }
    }
    float[] b;
    try (Connection c = db.getConnection()) {
      b = DemStore.block(c, v.id(), row, col);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the DEM: " + e.getMessage(), e);
    }
    if (b != null) {
      synchronized (blocks) {
        blocks.put(key, b);
        usedBytes += 4L * b.length;
        var it = blocks.entrySet().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
          Map.Entry<String, float[]> e = it.next();
          usedBytes -= 4L * e.getValue().length;
          it.remove();
        }
      }
    }
    return b;
  }
}
