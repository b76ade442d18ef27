package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.FeatureMatcher;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a map with Java2D (antialiased) from features streamed out of PostGIS: one query per read
 * of {@link MapReads} (a layer's feature type styles, or consecutive line layers of one table such
 * as the six pipe networks), rules evaluated in memory, labels placed at the end over all layers.
 * Rows arrive in batches; a read of one layer draws them as they come, a shared read holds each
 * layer's stroked paths (not its rows) until the read ends. Every query is planned for its own
 * window (no server-side prepared statement, whose generic plan would scan the layer) and bounded
 * by what is left of the render deadline, at most the service's statement timeout ({@code
 * city.limits.statement-timeout}), as the statement timeout of its read transaction.
 */
public final class MapRenderer {

  private static final int FETCH_SIZE = 4_000;

  private final ReadExecutor reads;
  private final SqlBuilder sql;
  private final WindowSelectivity selectivity = new WindowSelectivity();
  private final LabelSprites sprites = new LabelSprites();
  private final RasterPainter rasters;

  /**
   * @param rasters paints the raster layers of a map (in map order between the vector layers)
   */
  public MapRenderer(ReadExecutor reads, SqlBuilder sql, RasterPainter rasters) {
    this.reads = reads;
    this.sql = sql;
    this.rasters = rasters;
  }

  /**
   * Draws the map on {@code canvas}: an image of the window's size, {@code TYPE_INT_ARGB} when
   * {@link MapPlan#transparentCanvas()}, else {@code TYPE_INT_RGB}, every pixel already {@link
   * MapPlan#canvasFill()} (transparent, or the background). Throws when the deadline passes.
   */
  public void render(MapPlan plan, BufferedImage canvas, RenderDeadline deadline)
      throws SQLException {
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
      draw(g, plan, deadline);
    } finally {
      g.dispose();
    }
  }

  /** What is left of the render deadline, at most the service's statement timeout. */
  private Duration statementLimit(RenderDeadline deadline) {
    Duration left = Duration.ofMillis(deadline.remainingMillis());
    return left.compareTo(reads.statementTimeout()) < 0 ? left : reads.statementTimeout();
  }

  private void draw(Graphics2D g, MapPlan plan, RenderDeadline deadline) throws SQLException {
    MapWindow w = plan.window();
    SymbolPainter painter = new SymbolPainter(g, w.symbolScale());
    LabelPlacer labels = new LabelPlacer(w.symbolScale(), sprites);
    try (ReadTransaction tx = reads.open(statementLimit(deadline))) {
      Connection c = tx.connection();
      ScreenMapping fitted =
          w.crs().srid() == sql.nativeSrid() ? null : ScreenMapping.fit(c, w, sql.nativeSrid());
      ScreenMapping toScreen = fitted != null ? fitted : ScreenMapping.affine(w.toScreen());
      List<LayerPlan> vectors = new java.util.ArrayList<>();
      for (int i = 0; i <= plan.layers().size(); i++) {
        LayerPlan next = i < plan.layers().size() ? plan.layers().get(i) : null;
        if (next != null && next.layer().isVector()) {
          vectors.add(next);
          continue;
        }
        for (List<PassGroup> read : MapReads.of(vectors, w.scaleDenominator())) {
          List<SymbolPainter> painters =
              read.size() == 1
                  ? List.of(painter)
                  : read.stream().map(x -> SymbolPainter.deferred(g, w.symbolScale())).toList();
          drawRead(tx, read, painters, plan, toScreen, fitted != null, labels, deadline);
        }
        vectors.clear();
        if (next != null) {
          deadline.check();
          rasters.paint(next.layer(), next.style(), w, plan.asOf(), g, tx);
        }
      }
    }
    labels.draw(g, w.width(), w.height());
  }

  /**
   * Draws the groups of one read from one query, each row with the groups whose layer it belongs
   * to, each group with its own painter; the painters are flushed in order at the end.
   */
  private void drawRead(
      ReadTransaction tx,
      List<PassGroup> read,
      List<SymbolPainter> painters,
      MapPlan plan,
      ScreenMapping toScreen,
      boolean nativeOut,
      LabelPlacer labels,
      RenderDeadline deadline)
      throws SQLException {
    List<String> properties = properties(read);
    List<LayerPlan> layers = read.stream().map(PassGroup::layer).toList();
    MapWindow w = plan.window();
    double mpp = w.metresPerPixel();
    boolean selective =
        selectivity.selective(
            tx.connection(),
            layers.get(0).layer(),
            (w.width() + 2 * MapQuery.MARGIN_PX)
                * (w.height() + 2 * MapQuery.MARGIN_PX)
                * mpp
                * mpp);
    PreparedSql q = MapQuery.sql(sql, layers, properties, w, plan.asOf(), nativeOut, selective);
    tx.limit(statementLimit(deadline));
    try (PreparedStatement ps = tx.prepare(q.sql(), q.params(), FETCH_SIZE)) {
      try (ResultSet rs = ps.executeQuery()) {
        int n = properties.size();
        int flags = read.size() == 1 ? 0 : read.size();
        long rows = 0;
        while (rs.next()) {
          if ((++rows & 511) == 0) {
            deadline.check();
          }
          byte[] twkb = rs.getBytes(n + flags + 2);
          if (twkb == null) {
            continue;
          }
          Map<String, Object> props = new HashMap<>(n * 2);
          for (int i = 0; i < n; i++) {
            props.put(properties.get(i), value(rs.getObject(i + 2)));
          }
          long fid = rs.getLong(1);
          ScreenShape shape = TwkbReader.read(twkb, toScreen);
          for (int k = 0; k < read.size(); k++) {
            if (flags == 0 || rs.getBoolean(n + 2 + k)) {
              for (List<Rule> rules : read.get(k).passes()) {
                drawFeature(fid, props, shape, rules, painters.get(k), labels);
              }
            }
          }
        }
      }
    }
    painters.forEach(SymbolPainter::flush);
  }

  /** The properties any group of the read needs, each once, in catalog order. */
  private static List<String> properties(List<PassGroup> read) {
    Set<String> names = new LinkedHashSet<>();
    read.forEach(g -> names.addAll(g.properties()));
    return List.copyOf(names);
  }

  private static void drawFeature(
      long fid,
      Map<String, Object> props,
      ScreenShape shape,
      List<Rule> rules,
      SymbolPainter painter,
      LabelPlacer labels) {
    boolean matched = false;
    for (Rule r : rules) {
      if (!r.elseFilter() && FeatureMatcher.matches(r.filter(), fid, props)) {
        matched = true;
        apply(r, props, shape, painter, labels);
      }
    }
    if (!matched) {
      for (Rule r : rules) {
        if (r.elseFilter()) {
          apply(r, props, shape, painter, labels);
        }
      }
    }
  }

  private static void apply(
      Rule r,
      Map<String, Object> props,
      ScreenShape shape,
      SymbolPainter painter,
      LabelPlacer labels) {
    for (Symbolizer s : r.symbolizers()) {
      if (s instanceof Symbolizer.Line l) {
        painter.line(l, shape);
      } else if (s instanceof Symbolizer.Polygon p) {
        painter.polygon(p, shape);
      } else if (s instanceof Symbolizer.Point p) {
        painter.point(p, shape, p.rotation() == null ? 0 : p.rotation().number(props, 0));
      } else if (s instanceof Symbolizer.Text t) {
        StringBuilder text = new StringBuilder();
        t.label().forEach(e -> text.append(e.text(props)));
        labels.offer(text.toString(), t, shape);
      }
    }
  }

  private static Object value(Object v) throws SQLException {
    if (v instanceof Array array) {
      return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
    return v;
  }
}
