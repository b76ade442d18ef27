package cn.lzxq.city.server.tiles3d.cache;

import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.server.tiles3d.Tiles3dProperties;
import cn.lzxq.city.tiles.geo.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database change log (table {@code tile_change}, filled by triggers on the feature tables)
 * as seen by this server: the recent changes in memory, read again at most every
 * {@code city.tiles3d.change-poll}. A cached tile built when the log stood at {@code seq} is
 * stale when a later change of one of its layers crosses its region.
 *
 * <p>At start the last {@value #HISTORY} changes are loaded, so disk-cache entries built before a
 * restart stay usable; an entry older than the loaded history counts as stale.
 */
@Component
public class ChangeLog {

  /** Changes kept in memory. */
  static final int HISTORY = 200_000;

  private final JdbcTemplate jdbc;
  private final long pollNanos;
  private final List<Change> changes = new ArrayList<>();
  private long floorSeq = -1;
  private long lastSeq;
  private long lastPoll;
  private final List<Runnable> listeners = new ArrayList<>();

  public ChangeLog(JdbcTemplate jdbc, Tiles3dProperties props) {
    this.jdbc = jdbc;
    this.pollNanos = props.changePoll().toNanos();
  }

  /** Runs {@code r} after every poll that found changes (with the log's lock released). */
  public synchronized void onChange(Runnable r) {
    listeners.add(r);
  }

  /** Reads new rows of the log unless it was read less than the poll interval ago. */
  public void poll() {
    List<Change> found;
    synchronized (this) {
      long now = System.nanoTime();
      if (floorSeq >= 0 && now - lastPoll < pollNanos) {
        return;
      }
      lastPoll = now;
      if (floorSeq < 0) {
        Long last = jdbc.queryForObject(SqlTemplate.load("tiles3d/last_change"), Long.class);
        floorSeq = Math.max(0, last - HISTORY);
        lastSeq = floorSeq;
      }
      found = jdbc.query(SqlTemplate.load("tiles3d/changes"), (rs, i) -> new Change(rs.getLong("seq"),
          rs.getString("layer"), rs.getDouble("west"), rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north")),
          lastSeq, HISTORY);
      changes.addAll(found);
      if (!found.isEmpty()) {
        lastSeq = found.get(found.size() - 1).seq();
      }
      if (changes.size() > HISTORY) {
        List<Change> keep = new ArrayList<>(changes.subList(changes.size() - HISTORY / 2, changes.size()));
        floorSeq = keep.get(0).seq() - 1;
        changes.clear();
        changes.addAll(keep);
      }
    }
    if (!found.isEmpty()) {
      listeners.forEach(Runnable::run);
    }
  }

  /** The newest sequence number seen: tiles built now record it. */
  public synchronized long seq() {
    return lastSeq;
  }

  /** The changes after {@code seq} (for the grid's extent check). */
  public synchronized List<Change> since(long seq) {
    return List.copyOf(changes.subList(firstAfter(seq), changes.size()));
  }

  /**
   * Whether a change after {@code seq} of one of {@code layers} crosses {@code region} grown by
   * {@code reachM} metres ({@code region} null: anywhere).
   */
  public synchronized boolean changedSince(long seq, Collection<String> layers, Region region, double reachM) {
    if (seq < floorSeq || seq > lastSeq) {
      return true; // older than the history, or built against another database (seq from the future)
    }
    Region r = region == null ? null : region.expandedBy(reachM);
    for (int i = firstAfter(seq); i < changes.size(); i++) {
      Change c = changes.get(i);
      if (layers.contains(c.layer()) && (r == null || crosses(c, r))) {
        return true;
      }
    }
    return false;
  }

  private static boolean crosses(Change c, Region r) {
    return Math.toRadians(c.west()) <= r.east() && Math.toRadians(c.east()) >= r.west()
        && Math.toRadians(c.south()) <= r.north() && Math.toRadians(c.north()) >= r.south();
  }

  /** Index of the first change with a sequence number above {@code seq}. */
  private int firstAfter(long seq) {
    int lo = 0;
    int hi = changes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (changes.get(mid).seq() <= seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
