package cn.lzxq.city.server.tilestore;

import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.server.db.StandbyReads;
import cn.lzxq.city.tiles.geo.Region;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database change log (table {@code tile_change}, filled by triggers on the feature tables: the
 * box of every version an edit closes and of every version it writes, so both the before and the
 * after extent of an edit) as seen by this server: the recent changes in memory, read again at most
 * every {@code city.tile-store.change-poll}. A stored tile (2D, 3D, terrain) built when the log
 * stood at {@code seq} is stale when a later change of one of its layers crosses its area; a change
 * has no time, so it makes the tiles of every as-of time in its area stale.
 *
 * <p>At start the last {@value #HISTORY} changes are loaded, so disk-cache entries built before a
 * restart stay usable; an entry older than the loaded history counts as stale.
 *
 * <p>Transactions commit out of seq order, so rows are read again from the settled seq ({@code
 * tile_change_settled_seq()}, V330: every row at or below it is committed or rolled back) and a row
 * is placed by when this server read it: a row read in seq order at {@code seq × }{@value #SPAN}, a
 * row that committed after a higher seq was read just after the newest position. So a late row
 * makes stale every tile built before it was read, and a tile built after it is not rebuilt for it
 * again. Positions are what tiles record ({@link #seq}); across a restart the log is read again in
 * seq order.
 *
 * <p>New changes are published only after the read path's standby floor was raised to the primary's
 * position ({@link StandbyReads#requireReplayOfPrimaryNow}): a tile rebuilt because of a change is
 * never read from a standby that has not replayed it.
 *
 * <p>The request path takes no lock: what the log knows is an immutable snapshot ({@link #seq},
 * {@link #changedSince}, {@link #since} read it), replaced by each read that found rows, and {@link
 * #poll} returns at once while the last completed read started less than the poll interval ago. A
 * cached tile costs a volatile read and a walk of the changes after it (none, mostly); the lock and
 * the wait for a read concern one request per poll interval.
 */
@Component
public class ChangeLog {

  /** Changes kept in memory. */
  static final int HISTORY = 200_000;

  /** Positions per sequence number: room for rows read late (see the class comment). */
  static final long SPAN = 1L << 20;

  /** The longest a request waits for a read of the log while the database answers, ms. */
  static final long WAIT_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

  private final JdbcTemplate jdbc;
  private final StandbyReads readPath;
  private final long pollNanos;
  private final List<Change> changes = new ArrayList<>();
  private long floorSeq = -1;
  private long lastSeq;
  private volatile Known known = new Known(-1, 0, new Change[0]);
  private volatile long lastReadAt;
  private long settledSeq;
  private final Set<Long> readAboveSettled = new HashSet<>();
  private long lastPoll;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tile-change-log");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Void> inFlight;
  private boolean lastReadFailed;

  public ChangeLog(JdbcTemplate jdbc, StandbyReads readPath, TileStoreProperties props) {
    this.jdbc = jdbc;
    this.readPath = readPath;
    this.pollNanos = props.changePoll().toNanos();
  }

  /** Runs {@code r} after every poll that found changes (with the log's lock released). */
  public void onChange(Runnable r) {
    listeners.add(r);
  }

  /**
   * Reads new rows of the log unless it was read less than the poll interval ago. The read runs on
   * the log's own thread, never under the log's lock: the caller waits for it at most {@value
   * #WAIT_MS} ms while the database answers, not at all while the last read failed (the database is
   * away: tiles are served from what is known and cached), and a read already under way is joined,
   * not repeated. Once the last completed read is half an interval old the next read starts ahead,
   * unwaited for: under steady traffic no request waits.
   */
  public void poll() {
    long age = System.nanoTime() - lastReadAt;
    if (known.floor() >= 0 && age < pollNanos) {
      if (age >= pollNanos / 2) {
        readAhead();
      }
      return; // the last completed read started less than an interval ago
    }
    CompletableFuture<Void> read;
    boolean wait;
    synchronized (this) {
      if (inFlight == null) {
        long now = System.nanoTime();
        if (floorSeq >= 0 && now - lastPoll < pollNanos) {
          return;
        }
        start(now);
      }
      read = inFlight;
      wait = !lastReadFailed;
    }
    if (read == null || !wait) {
      return;
    }
    try {
      read.get(WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // serve what is known; the read goes on (or failed and is logged)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void readAhead() {
    long now = System.nanoTime();
    if (inFlight == null && now - lastPoll >= pollNanos / 2) {
      start(now);
    }
  }

  /** Starts a read on the log's thread (the caller holds the lock). */
  private void start(long now) {
    lastPoll = now;
    CompletableFuture<Void> started = CompletableFuture.runAsync(this::read, reader);
    inFlight = started;
    started.whenComplete((v, e) -> finished(started, e, now));
  }

  private synchronized void finished(
      CompletableFuture<Void> read, Throwable failure, long startedAt) {
    if (inFlight == read) {
      inFlight = null;
    }
    if (failure == null) {
      lastReadAt = startedAt;
    }
    if (failure != null && !lastReadFailed) {
      LOG.warn(
          "tile change log not read ({}); cached tiles are served until it is",
          failure.getClass().getSimpleName());
    }
    lastReadFailed = failure != null;
  }

  /** One read of the log (on the reader thread); the lock is held only to merge what was read. */
  private void read() {
    long after;
    synchronized (this) {
      after = settledSeq;
    }
    if (floorSeq < 0) {
      Long last = jdbc.queryForObject(SqlTemplate.load("tiles3d/last_change"), Long.class);
      after = Math.max(0, last - HISTORY);
      synchronized (this) {
        settledSeq = after;
        floorSeq = after * SPAN;
        lastSeq = floorSeq;
      }
    }
    // settled before the rows are read: every row at or below it is then visible or gone
    long settled = jdbc.queryForObject(SqlTemplate.load("tiles3d/settled_change"), Long.class);
    List<Change> found =
        jdbc.query(
            SqlTemplate.load("tiles3d/changes"),
            (rs, i) ->
                new Change(
                    rs.getLong("seq"),
                    rs.getString("layer"),
                    rs.getDouble("west"),
                    rs.getDouble("south"),
                    rs.getDouble("east"),
                    rs.getDouble("north"),
                    rs.getObject("min_zoom") == null ? 0 : rs.getInt("min_zoom"),
                    rs.getObject("max_zoom") == null ? Integer.MAX_VALUE : rs.getInt("max_zoom")),
            after,
            HISTORY);
    if (hasUnread(found)) {
      requireReplay();
    }
    boolean added;
    synchronized (this) {
      added = place(found);
      long readTo = found.size() < HISTORY ? settled : found.get(found.size() - 1).seq();
      if (Math.min(settled, readTo) > settledSeq) {
        settledSeq = Math.min(settled, readTo);
        readAboveSettled.removeIf(seq -> seq <= settledSeq);
      }
      if (changes.size() > HISTORY) {
        List<Change> keep =
            new ArrayList<>(changes.subList(changes.size() - HISTORY / 2, changes.size()));
        floorSeq = keep.get(0).seq() - 1;
        changes.clear();
        changes.addAll(keep);
      }
      if (added || known.floor() != floorSeq) {
        known = new Known(floorSeq, lastSeq, changes.toArray(new Change[0]));
      }
    }
    if (added) {
      listeners.forEach(Runnable::run);
    }
  }

  /** Whether {@code found} holds a row not read before (the standby must then replay first). */
  private synchronized boolean hasUnread(List<Change> found) {
    return found.stream().anyMatch(this::unread);
  }

  /** A row above the settled position that no earlier read placed. */
  private boolean unread(Change c) {
    return c.seq() > settledSeq && !readAboveSettled.contains(c.seq());
  }

  /** Appends the rows not read before at their positions (rows carry sequence numbers here). */
  private boolean place(List<Change> found) {
    boolean added = false;
    for (Change c : found) {
      if (unread(c)) {
        readAboveSettled.add(c.seq());
        lastSeq = Math.max(c.seq() * SPAN, lastSeq + 1);
        changes.add(c.at(lastSeq));
        added = true;
      }
    }
    return added;
  }

  private void requireReplay() {
    try {
      readPath.requireReplayOfPrimaryNow();
    } catch (SQLException e) {
      throw new IllegalStateException("the primary's WAL position could not be read", e);
    }
  }

  /**
   * The newest position: tiles built now record it. The log is read first when it never was (a
   * position it does not know would make the tile stale at its first read).
   */
  public long seq() {
    if (known.floor() < 0) {
      poll();
    }
    return known.last();
  }

  /** The edits after {@code seq} (for the grid's extent check; truncations left out). */
  public List<Change> since(long seq) {
    Known k = known;
    return Arrays.stream(k.changes(), k.firstAfter(seq), k.changes().length)
        .filter(Change::allLevels)
        .toList();
  }

  /**
   * Whether a change after {@code seq} of one of {@code layers} crosses {@code region} grown by
   * {@code reachM} metres ({@code region} null: anywhere). Changes limited to some 2D zoom levels
   * (a truncation) do not count.
   */
  public boolean changedSince(long seq, Collection<String> layers, Region region, double reachM) {
    Known k = known;
    if (seq < k.floor() || seq > k.last()) {
      return true; // older than the history, or built against another database (seq from the
      // future)
    }
    Region r = region == null ? null : region.expandedBy(reachM);
    Change[] all = k.changes();
    for (int i = k.firstAfter(seq); i < all.length; i++) {
      Change c = all[i];
      if (c.allLevels() && layers.contains(c.layer()) && (r == null || crosses(c, r))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a change after {@code seq} of one of {@code layers} concerning 2D level {@code zoom}
   * crosses the longitude/latitude box {@code box} (west, south, east, north in CGCS2000 degrees;
   * the caller widens it by its buffers).
   */
  public boolean changedSince(long seq, Collection<String> layers, int zoom, double[] box) {
    double west = box[0];
    double south = box[1];
    double east = box[2];
    double north = box[3];
    Known k = known;
    if (seq < k.floor() || seq > k.last()) {
      return true;
    }
    Change[] all = k.changes();
    for (int i = k.firstAfter(seq); i < all.length; i++) {
      Change c = all[i];
      if (layers.contains(c.layer())
          && c.concerns(zoom)
          && c.west() <= east
          && c.east() >= west
          && c.south() <= north
          && c.north() >= south) {
        return true;
      }
    }
    return false;
  }

  private static boolean crosses(Change c, Region r) {
    return Math.toRadians(c.west()) <= r.east()
        && Math.toRadians(c.east()) >= r.west()
        && Math.toRadians(c.south()) <= r.north()
        && Math.toRadians(c.north()) >= r.south();
  }

  /**
   * What the log knows at one moment: the oldest position it can answer for, the newest, and the
   * changes between in position order. Never changed once published.
   */
  private record Known(long floor, long last, Change[] changes) {

    /** Index of the first change with a position above {@code seq}. */
    int firstAfter(long seq) {
      int lo = 0;
      int hi = changes.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (changes[mid].seq() <= seq) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
