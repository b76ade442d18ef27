package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.FeatureMatcher;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Draws a map with Java2D (antialiased) from features streamed out of PostGIS: one query per
 * layer and feature type style, rules evaluated in memory, labels placed at the end over all
 * layers. A style whose later feature type styles only label reads each row once for all of them.
 * Nothing holds a whole layer: rows arrive in batches and are drawn as they come.
 */
public final class MapRenderer {

  private static final int FETCH_SIZE = 4_000;

  private final DataSource dataSource;
  private final SqlBuilder sql;
  private final WindowSelectivity selectivity = new WindowSelectivity();

  public MapRenderer(DataSource dataSource, SqlBuilder sql) {
    this.dataSource = dataSource;
    this.sql = sql;
  }

  /** Draws the map; throws when the deadline passes. */
  public BufferedImage render(MapPlan plan, RenderDeadline deadline) throws SQLException {
    MapWindow w = plan.window();
    boolean alpha = plan.alpha() && plan.transparent();
    BufferedImage image = new BufferedImage(w.width(), w.height(),
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      if (alpha) {
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, w.width(), w.height());
        g.setComposite(AlphaComposite.SrcOver);
      } else {
        g.setColor(plan.background());
        g.fillRect(0, 0, w.width(), w.height());
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
      draw(g, plan, deadline);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void draw(Graphics2D g, MapPlan plan, RenderDeadline deadline) throws SQLException {
    MapWindow w = plan.window();
    double scale = w.scaleDenominator();
    SymbolPainter painter = new SymbolPainter(g, w.symbolScale());
    LabelPlacer labels = new LabelPlacer(w.symbolScale());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        try (Statement s = c.createStatement()) {
          // Custom plans: a cached generic plan cannot know how small the window is and scans the layer.
          s.execute("SET LOCAL statement_timeout = " + deadline.remainingMillis()
              + "; SET LOCAL plan_cache_mode = force_custom_plan");
        }
        ScreenMapping fitted = w.crs().srid() == sql.nativeSrid() ? null : ScreenMapping.fit(c, w, sql.nativeSrid());
        ScreenMapping toScreen = fitted != null ? fitted : ScreenMapping.affine(w.toScreen());
        for (LayerPlan layer : plan.layers()) {
          List<List<Rule>> group = new ArrayList<>();
          for (List<Rule> pass : layer.style().passes()) {
            List<Rule> active = pass.stream().filter(r -> r.appliesAt(scale)).toList();
            if (active.isEmpty()) {
              continue;
            }
            if (!group.isEmpty() && !labelsOnly(active)) {
              drawPasses(c, layer, group, plan, toScreen, fitted != null, painter, labels, deadline);
              group = new ArrayList<>();
            }
            group.add(active);
          }
          if (!group.isEmpty()) {
            drawPasses(c, layer, group, plan, toScreen, fitted != null, painter, labels, deadline);
          }
        }
      } finally {
        c.rollback();
      }
    }
    labels.draw(g, w.width(), w.height());
  }

  /** True when the rules only label (labels are placed at the end, so they need no pass of their own). */
  private static boolean labelsOnly(List<Rule> rules) {
    return rules.stream().allMatch(r -> r.symbolizers().stream().allMatch(s -> s instanceof Symbolizer.Text));
  }

  /**
   * Draws consecutive passes of a layer from one query: the first pass draws, the others only
   * label, so reading each row once for all of them keeps the drawing order.
   */
  private void drawPasses(Connection c, LayerPlan layer, List<List<Rule>> passes, MapPlan plan, ScreenMapping toScreen,
      boolean nativeOut, SymbolPainter painter, LabelPlacer labels, RenderDeadline deadline) throws SQLException {
    List<String> properties = properties(layer, passes.stream().flatMap(List::stream).toList());
    MapWindow w = plan.window();
    double mpp = w.metresPerPixel();
    boolean selective = selectivity.selective(c, layer.layer(),
        (w.width() + 2 * MapQuery.MARGIN_PX) * (w.height() + 2 * MapQuery.MARGIN_PX) * mpp * mpp);
    PreparedSql q = MapQuery.sql(sql, layer.layer(), properties, layer.filter(), w, plan.asOf(), nativeOut, selective);
    try (PreparedStatement ps = q.prepare(c)) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        int n = properties.size();
        long rows = 0;
        while (rs.next()) {
          if ((++rows & 511) == 0) {
            deadline.check();
          }
          byte[] twkb = rs.getBytes(n + 2);
          if (twkb == null) {
            continue;
          }
          Map<String, Object> props = new HashMap<>(n * 2);
          for (int i = 0; i < n; i++) {
            props.put(properties.get(i), value(rs.getObject(i + 2)));
          }
          long fid = rs.getLong(1);
          ScreenShape shape = TwkbReader.read(twkb, toScreen);
          for (List<Rule> rules : passes) {
            drawFeature(fid, props, shape, rules, painter, labels);
          }
        }
      }
    }
    painter.flush();
  }

  /** The selected properties, in catalog order (the order MapQuery selects them in). */
  private static List<String> properties(LayerPlan layer, List<Rule> rules) {
    Set<String> wanted = Style.properties(rules);
    return layer.layer().attributes().stream().map(Attribute::name).filter(wanted::contains).toList();
  }

  private static void drawFeature(long fid, Map<String, Object> props, ScreenShape shape, List<Rule> rules,
      SymbolPainter painter, LabelPlacer labels) {
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

  private static void apply(Rule r, Map<String, Object> props, ScreenShape shape, SymbolPainter painter,
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
