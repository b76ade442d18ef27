package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.DemVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A coverage run: reads the sectors, carriers, access points and DEM (through {@link
 * ReadExecutor}), computes the best-server layers ({@link CoverageComputer}) and the WLAN layer
 * ({@link WlanCoverage}) and stores them ({@link CoverageStore}) in one write transaction, logging
 * a {@code tile_change} per layer ({@code coverage_<operator>_<band>}, the catalog's name) over the
 * area it rewrote, so the tile store's map tiles of those layers go stale; a whole run also logs
 * the layers and area of the grid it replaces.
 *
 * <p>{@link #update} recomputes only around what changed: the sector and site edits logged since
 * the grid's {@code change_seq}, each box grown by the radius (a sector reaches that far; a
 * building edit by twice the radius, as it shadows paths of the sectors within the radius of it),
 * with the sectors within the radius of that area; a DEM change, a missing grid or other settings
 * mean a whole run.
 */
public final class CoverageRun {

  private final ReadExecutor reads;
  private final DataSource writes;
  private final int threads;

  /**
   * @param reads the read path
   * @param writes connections for the one write transaction
   * @param threads worker threads of the computation
   */
  public CoverageRun(ReadExecutor reads, DataSource writes, int threads) {
    this.reads = reads;
    this.writes = writes;
    this.threads = threads;
  }

  /**
   * What a run did.
   *
   * @param gridId the grid written
   * @param grid its frame
   * @param region the cells recomputed
   * @param sectors sectors taken into account
   * @param accessPoints WLAN access points taken into account
   * @param layers the layers computed, with their statistics
   * @param whole true for a whole run, false for an update around edits
   * @param computeMs milliseconds of computation (without reading and writing)
   * @param wlanComputeMs of them, milliseconds computing the WLAN layer
   */
  public record Summary(
      long gridId,
      CoverageGrid grid,
      CoverageGrid.Window region,
      int sectors,
      int accessPoints,
      List<CoverageStatistics> layers,
      boolean whole,
      long computeMs,
      long wlanComputeMs) {}

  /** Progress and cancellation of a run. */
  public interface Monitor {
    void progress(int percent, String message);

    boolean cancelled();

    /** A monitor that reports nothing and never cancels. */
    Monitor NONE =
        new Monitor() {
          @Override
          public void progress(int percent, String message) {}

          @Override
          public boolean cancelled() {
            return false;
          }
        };
  }

  /** Computes the whole city (parcels and sites) afresh. */
  public Summary whole(CoverageSettings s, Duration limit, Monitor m)
      throws SQLException, InterruptedException {
    m.progress(5, "reading sectors and terrain");
    Input in =
        reads.read(
            limit,
            tx -> {
              long seq = lastChange(tx);
              double[] box =
                  tx.queryAll(
                          SqlTemplate.render(
                              "coverage/extent", Map.of("valid_now", ValidTime.now(""))),
                          Map.of(),
                          rs ->
                              rs.getObject("minx") == null
                                  ? null
                                  : new double[] {
                                    rs.getDouble("minx"),
                                    rs.getDouble("miny"),
                                    rs.getDouble("maxx"),
                                    rs.getDouble("maxy")
                                  })
                      .get(0);
              if (box == null) {
                throw new IllegalStateException("no parcels or sites: nothing to cover");
              }
              CoverageGrid g = CoverageGrid.covering(box[0], box[1], box[2], box[3], s.cellM());
              return read(tx, g, g.all(), s, seq);
            });
    return compute(in, s, true, m);
  }

  /** Recomputes the current grid of a cell size around the edits since it was computed. */
  public Summary update(double cellM, Duration limit, Monitor m)
      throws SQLException, InterruptedException {
    StoredGrid stored;
    try (Connection c = writes.getConnection()) {
      stored = CoverageStore.current(c, cellM);
    }
    if (stored == null) {
      return whole(CoverageSettings.DEFAULT.withCell(cellM), limit, m);
    }
    CoverageGrid g = stored.grid();
    double r = stored.settings().radiusM();
    Input in =
        reads.read(
            limit,
            tx -> {
              double[] box = {
                Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY
              };
              long[] seq = {stored.changeSeq()};
              boolean[] dem = {false};
              tx.queryAll(
                  SqlTemplate.load("coverage/changes"),
                  Map.of("seq", stored.changeSeq()),
                  rs -> {
                    seq[0] = Math.max(seq[0], rs.getLong("seq"));
                    String layer = rs.getString("layer");
                    dem[0] |= "dem".equals(layer);
                    // a building shadows the cells within the radius of the sectors within the
                    // radius of it; an access point reaches its own radius
                    double grow =
                        "building".equals(layer)
                            ? 2 * r
                            : "wlan_ap".equals(layer) ? Math.max(r, WlanCoverage.RADIUS_M) : r;
                    box[0] = Math.min(box[0], rs.getDouble("minx") - grow);
                    box[1] = Math.min(box[1], rs.getDouble("miny") - grow);
                    box[2] = Math.max(box[2], rs.getDouble("maxx") + grow);
                    box[3] = Math.max(box[3], rs.getDouble("maxy") + grow);
                    return null;
                  });
              if (dem[0]) {
                return null;
              }
              CoverageGrid.Window w =
                  box[0] > box[2] ? null : g.window(box[0], box[1], box[2], box[3]);
              return w == null
                  ? new Input(
                      g,
                      w,
                      List.of(),
                      Map.of(),
                      List.of(),
                      Map.of(),
                      null,
                      null,
                      null,
                      seq[0],
                      stored.id())
                  : read(tx, g, w, stored.settings(), seq[0]).forGrid(stored.id());
            });
    if (in == null) {
      return whole(stored.settings(), limit, m);
    }
    if (in.region() == null) {
      try (Connection c = writes.getConnection()) {
        CoverageStore.advance(c, stored.id(), in.changeSeq());
      }
      return new Summary(stored.id(), g, null, 0, 0, List.of(), false, 0, 0);
    }
    return compute(in, stored.settings(), false, m);
  }

  private Summary compute(Input in, CoverageSettings s, boolean whole, Monitor m)
      throws SQLException, InterruptedException {
    m.progress(20, "computing " + in.sectors().size() + " sectors");
    long t0 = System.nanoTime();
    CoverageComputer computer =
        new CoverageComputer(in.grid(), in.ground(), in.buildings(), in.carriers(), s, threads);
    Map<CoverageSector.LayerKey, CoverageLayer> layers =
        new HashMap<>(computer.compute(in.region(), in.sectors(), m::cancelled));
    long t1 = System.nanoTime();
    layers.putAll(
        new WlanCoverage(in.grid(), in.ground(), in.channels(), s)
            .compute(in.region(), in.accessPoints()));
    long t2 = System.nanoTime();
    long ms = (t2 - t0) / 1_000_000;
    m.progress(80, "writing");
    long id;
    try (Connection c = writes.getConnection()) {
      c.setAutoCommit(false);
      try {
        Set<CoverageSector.LayerKey> logged = new TreeSet<>(layers.keySet());
        StoredGrid previous = whole ? CoverageStore.current(c, in.grid().cellM()) : null;
        if (previous != null) {
          // the layers and the area of the grid replaced go stale too
          logged.addAll(CoverageStore.layers(c, previous.id()));
          logChange(c, previous.grid(), previous.grid().all(), logged);
        }
        if (whole) {
          id =
              CoverageStore.insertGrid(
                  c, in.grid(), s, in.dem() == null ? null : in.dem().id(), in.changeSeq());
        } else {
          id = in.gridId();
          for (CoverageSector.LayerKey k : CoverageStore.layers(c, id)) {
            layers.computeIfAbsent(k, key -> empty(key, in.region()));
          }
          CoverageStore.advance(c, id, in.changeSeq());
        }
        CoverageStore.writeBlocks(c, id, in.grid(), layers);
        logged.addAll(layers.keySet());
        logChange(c, in.grid(), in.region(), logged);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
    List<CoverageStatistics> stats =
        layers.values().stream()
            .sorted((a, b) -> a.key().compareTo(b.key()))
            .map(CoverageStatistics::of)
            .toList();
    return new Summary(
        id,
        in.grid(),
        in.region(),
        in.sectors().size(),
        in.accessPoints().size(),
        stats,
        whole,
        ms,
        (t2 - t1) / 1_000_000);
  }

  private static CoverageLayer empty(CoverageSector.LayerKey k, CoverageGrid.Window w) {
    float[] nan = new float[w.size()];
    java.util.Arrays.fill(nan, Float.NaN);
    return new CoverageLayer(k, w, nan, nan.clone(), new int[w.size()]);
  }

  /** Everything a computation needs, read in one transaction. */
  private record Input(
      CoverageGrid grid,
      CoverageGrid.Window region,
      List<CoverageSector> sectors,
      Map<String, Carrier> carriers,
      List<AccessPoint> accessPoints,
      Map<String, WlanChannel> channels,
      float[] ground,
      float[] buildings,
      DemVersion dem,
      long changeSeq,
      long gridId) {

    Input forGrid(long id) {
      return new Input(
          grid,
          region,
          sectors,
          carriers,
          accessPoints,
          channels,
          ground,
          buildings,
          dem,
          changeSeq,
          id);
    }
  }

  private static Input read(
      ReadTransaction tx, CoverageGrid g, CoverageGrid.Window w, CoverageSettings s, long seq)
      throws SQLException {
    double r = s.radiusM();
    List<CoverageSector> sectors =
        tx.queryAll(
            SqlTemplate.render("coverage/sectors", Map.of("valid_now", ValidTime.now("s"))),
            Map.of(
                "minx",
                g.x(w.col0()) - r,
                "miny",
                g.y(w.row0() + w.rows() - 1) - r,
                "maxx",
                g.x(w.col0() + w.cols() - 1) + r,
                "maxy",
                g.y(w.row0()) + r),
            rs ->
                new CoverageSector(
                    rs.getLong("fid"),
                    rs.getString("site_code"),
                    rs.getString("operator"),
                    rs.getString("band"),
                    rs.getDouble("frequency_mhz"),
                    rs.getDouble("x"),
                    rs.getDouble("y"),
                    rs.getDouble("z"),
                    rs.getDouble("antenna_height_m"),
                    rs.getDouble("azimuth_deg"),
                    new SectorPattern(
                        rs.getDouble("h_beamwidth_deg"),
                        rs.getDouble("v_beamwidth_deg"),
                        rs.getDouble("mech_tilt_deg"),
                        rs.getDouble("elec_tilt_deg")),
                    rs.getDouble("eirp_dbm")));
    Map<String, Carrier> carriers = new HashMap<>();
    tx.queryAll(
        "SELECT band, bandwidth_mhz::float8 AS bw, subcarrier_khz::float8 AS scs, resource_blocks"
            + " FROM coverage_carrier",
        Map.of(),
        rs ->
            carriers.put(
                rs.getString("band"),
                new Carrier(
                    rs.getDouble("bw"),
                    rs.getDouble("scs"),
                    rs.getInt("resource_blocks"),
                    s.noiseFigureDb())));
    double wr = WlanCoverage.RADIUS_M;
    List<AccessPoint> accessPoints =
        tx.queryAll(
            SqlTemplate.render("coverage/access_points", Map.of("valid_now", ValidTime.now("a"))),
            Map.of(
                "minx",
                g.x(w.col0()) - wr,
                "miny",
                g.y(w.row0() + w.rows() - 1) - wr,
                "maxx",
                g.x(w.col0() + w.cols() - 1) + wr,
                "maxy",
                g.y(w.row0()) + wr),
            rs ->
                new AccessPoint(
                    rs.getLong("fid"),
                    rs.getString("band"),
                    rs.getDouble("x"),
                    rs.getDouble("y"),
                    rs.getDouble("mount_height_m"),
                    rs.getDouble("eirp_dbm"),
                    rs.getBoolean("indoor")));
    Map<String, WlanChannel> channels = new HashMap<>();
    tx.queryAll(
        "SELECT band, frequency_mhz::float8 AS f, channel_mhz::float8 AS w,"
            + " indoor_loss_db::float8 AS indoor FROM wlan_band",
        Map.of(),
        rs ->
            channels.put(
                rs.getString("band"),
                new WlanChannel(rs.getDouble("f"), rs.getDouble("w"), rs.getDouble("indoor"))));
    DemVersion dem = s.terrain() ? DemStore.current(tx.connection()) : null;
    float[] ground = CoverageGround.read(tx, g, dem);
    float[] buildings = s.terrain() ? CoverageBuildings.read(tx, g) : null;
    if (buildings != null && ground == null) {
      ground = new float[g.width() * g.height()]; // buildings on flat ground at 0 m
    }
    return new Input(
        g, w, sectors, carriers, accessPoints, channels, ground, buildings, dem, seq, 0);
  }

  private static long lastChange(ReadTransaction tx) throws SQLException {
    return tx.queryAll(
            "SELECT coalesce(max(seq), 0) AS seq FROM tile_change", Map.of(), rs -> rs.getLong(1))
        .get(0);
  }

  /**
   * Logs the rewritten area of each layer in the change log (lon/lat box, the layer's catalog
   * name), so cached map tiles of those layers go stale.
   */
  private static void logChange(
      Connection c, CoverageGrid g, CoverageGrid.Window w, Set<CoverageSector.LayerKey> layers)
      throws SQLException {
    try (var p =
        c.prepareStatement(
            "INSERT INTO tile_change (layer, west, south, east, north) SELECT ?, ST_XMin(b),"
                + " ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT"
                + " ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, Find_SRID(current_schema()::text,"
                + " 'antenna_sector', 'geom')), 4490) AS b) t")) {
      for (CoverageSector.LayerKey layer : layers) {
        p.setString(1, layer.layerName());
        p.setDouble(2, g.west() + w.col0() * g.cellM());
        p.setDouble(3, g.north() - (w.row0() + w.rows()) * g.cellM());
        p.setDouble(4, g.west() + (w.col0() + w.cols()) * g.cellM());
        p.setDouble(5, g.north() - w.row0() * g.cellM());
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
