package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.db.ValidTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Coverage against the plan, from the current grid: per operator and band, the share of built-up
 * parcel area (GB 50137-2011 construction land, every class but E) whose best-server RSRP reaches
 * the target's threshold, in total, by major class (大类, R), by medium class (中类, R2: the code's
 * letter and first digit), by district ({@code district}, V130) and by each class within each
 * district, each against the most specific row of {@code coverage_target} (V91, V310: medium class,
 * major class, all built-up land; then the district, then the operator); and the coverage holes —
 * 4-connected built-up cells below the threshold of all built-up land — as polygons of at least a
 * minimum area (m²), each with the district holding most of its cells. The WLAN layer ({@link
 * CoverageSector.LayerKey#WLAN}) is measured the same way on its RSSI against the targets of
 * network {@code wlan} (V170); the sectors' layers against those of network {@code cellular}.
 *
 * <p>A cell belongs to a parcel or a district when its centre lies inside it; areas are cell counts
 * × cell².
 */
public final class CoverageKpi {

  private CoverageKpi() {}

  /**
   * One KPI figure.
   *
   * @param landUseClass GB 50137 major class (R) or medium class (R2), or null for all built-up
   *     land (of the district)
   * @param district district code, or null for the whole grid
   * @param parcelAreaM2 built-up parcel area of the class, m²
   * @param coveredAreaM2 of it at or above the threshold, m²
   * @param share covered / parcel area (0–1)
   * @param thresholdDbm RSRP (WLAN: RSSI) threshold of the target, dBm
   * @param targetShare the target (0–1)
   * @param met share ≥ target
   */
  public record Share(
      String operator,
      String band,
      String landUseClass,
      String district,
      double parcelAreaM2,
      double coveredAreaM2,
      double share,
      double thresholdDbm,
      double targetShare,
      boolean met) {}

  /**
   * A coverage hole: built-up cells below the threshold, connected.
   *
   * @param areaM2 its area, m²
   * @param polygon the union of its cells, native CRS
   * @param thresholdDbm the threshold it falls below, dBm
   * @param district code of the district holding most of its cells (the first such in the order met
   *     on a tie), null when none holds any
   */
  public record Hole(
      String operator,
      String band,
      double areaM2,
      Geometry polygon,
      double thresholdDbm,
      String district) {}

  /**
   * The KPIs and holes of a grid.
   *
   * @param minHoleAreaM2 the least area of a reported hole, m²
   */
  public record Report(
      StoredGrid grid, double minHoleAreaM2, List<Share> shares, List<Hole> holes) {}

  /** A target row: network cellular or wlan; null operator, class or district for every one. */
  private record Target(
      String network,
      String operator,
      String landUseClass,
      String district,
      double thresholdDbm,
      double share) {

    /** Whether this row applies to a figure of a layer's network and operator. */
    boolean appliesTo(String net, String op, Figure f) {
      return network.equals(net)
          && (operator == null || operator.equals(op))
          && (landUseClass == null
              || (f.landUseClass() != null && f.landUseClass().startsWith(landUseClass)))
          && (district == null || district.equals(f.district()));
    }

    /** Specificity: medium class before major class before none, then district, then operator. */
    int rank() {
      return (landUseClass == null ? 0 : landUseClass.length()) * 4
          + (district != null ? 2 : 0)
          + (operator != null ? 1 : 0);
    }
  }

  /** What a figure counts: a class (major, medium, or null for all) within a district (or all). */
  private record Figure(String landUseClass, String district) implements Comparable<Figure> {

    static final Figure ALL = new Figure(null, null);

    private static final Comparator<Figure> ORDER =
        Comparator.comparing(Figure::district, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Figure::landUseClass, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(Figure o) {
      return ORDER.compare(this, o);
    }
  }

  /** The report of the current grid (null without one). */
  public static Report run(ReadTransaction tx, double minHoleAreaM2) throws SQLException {
    Connection c = tx.connection();
    StoredGrid stored = CoverageStore.current(c, null);
    if (stored == null) {
      return null;
    }
    CoverageGrid g = stored.grid();
    List<String> codes = new ArrayList<>();
    int[] cellCode = labelledCells(tx, g, PARCELS, codes);
    List<String> districts = new ArrayList<>();
    int[] cellDistrict = labelledCells(tx, g, DISTRICTS, districts);
    List<Target> targets =
        tx.queryAll(
            "SELECT network, operator, land_use_class, district, threshold_dbm, target_share"
                + " FROM coverage_target",
            Map.of(),
            rs ->
                new Target(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDouble(5),
                    rs.getDouble(6)));
    List<Figure>[] figures = figures(codes, districts);
    List<Share> shares = new ArrayList<>();
    List<Hole> holes = new ArrayList<>();
    for (CoverageSector.LayerKey k : CoverageStore.layers(c, stored.id())) {
      float[] rsrp = layer(c, stored, k);
      Map<Figure, Target> governing = new HashMap<>();
      Map<Figure, long[]> counts = new TreeMap<>();
      long[][][] counters = new long[figures.length][][];
      double[][] thresholds = new double[figures.length][];
      for (int p = 0; p < figures.length; p++) {
        counters[p] = new long[figures[p].size()][];
        thresholds[p] = new double[figures[p].size()];
        for (int j = 0; j < figures[p].size(); j++) {
          Figure f = figures[p].get(j);
          counters[p][j] = counts.computeIfAbsent(f, x -> new long[2]);
          thresholds[p][j] =
              governing.computeIfAbsent(f, x -> target(targets, k, x)).thresholdDbm();
        }
      }
      Target all = governing.computeIfAbsent(Figure.ALL, x -> target(targets, k, x));
      counts.computeIfAbsent(Figure.ALL, x -> new long[2]);
      boolean[] hole = new boolean[rsrp.length];
      int pairsPerCode = districts.size() + 1;
      for (int i = 0; i < rsrp.length; i++) {
        if (cellCode[i] < 0) {
          continue;
        }
        int p = cellCode[i] * pairsPerCode + cellDistrict[i] + 1;
        for (int j = 0; j < counters[p].length; j++) {
          counters[p][j][0]++;
          if (rsrp[i] >= thresholds[p][j]) {
            counters[p][j][1]++;
          }
        }
        hole[i] = !(rsrp[i] >= all.thresholdDbm());
      }
      double cell2 = g.cellM() * g.cellM();
      counts.forEach(
          (f, n) -> {
            if (n[0] > 0 || f.equals(Figure.ALL)) { // a class or district without built-up cells
              shares.add(share(k, f, n, cell2, governing.get(f)));
            }
          });
      holes.addAll(holes(g, hole, k, minHoleAreaM2, all.thresholdDbm(), cellDistrict, districts));
    }
    return new Report(stored, minHoleAreaM2, shares, holes);
  }

  /**
   * The figures a cell counts in, per pair of its land-use code label c and district label d (index
   * c × (districts + 1) + d + 1, d = −1 outside every district): all built-up land, the major class
   * and the medium class (when the code names one), each over the whole grid and within the
   * district.
   */
  @SuppressWarnings("unchecked")
  private static List<Figure>[] figures(List<String> codes, List<String> districts) {
    int per = districts.size() + 1;
    List<Figure>[] out = new List[codes.size() * per];
    for (int c = 0; c < codes.size(); c++) {
      String code = codes.get(c);
      List<String> classes = new ArrayList<>();
      classes.add(null);
      classes.add(code.substring(0, 1));
      if (code.length() >= 2) {
        classes.add(code.substring(0, 2));
      }
      for (int d = -1; d < districts.size(); d++) {
        List<Figure> fs = new ArrayList<>();
        for (String cls : classes) {
          fs.add(new Figure(cls, null));
          if (d >= 0) {
            fs.add(new Figure(cls, districts.get(d)));
          }
        }
        out[c * per + d + 1] = fs;
      }
    }
    return out;
  }

  private static Share share(
      CoverageSector.LayerKey k, Figure f, long[] n, double cell2, Target t) {
    double share = n[0] == 0 ? 1 : n[1] / (double) n[0];
    return new Share(
        k.operator(),
        k.band(),
        f.landUseClass(),
        f.district(),
        n[0] * cell2,
        n[1] * cell2,
        share,
        t.thresholdDbm(),
        t.share(),
        share >= t.share());
  }

  /** The most specific target row of the layer's network that applies to a figure. */
  private static Target target(List<Target> targets, CoverageSector.LayerKey k, Figure f) {
    String network = k.wlan() ? "wlan" : "cellular";
    Target best = null;
    for (Target t : targets) {
      if (t.appliesTo(network, k.operator(), f) && (best == null || t.rank() > best.rank())) {
        best = t;
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "no coverage_target row applies to " + network + "/" + k.operator() + "/" + f);
    }
    return best;
  }

  /** Built-up parcels (every GB 50137 class but E) labelled with their land-use code. */
  private static final String PARCELS =
      "SELECT land_use_code AS label, ST_AsBinary(ST_Force2D(geom)) AS wkb"
          + " FROM zoning_parcel WHERE "
          + ValidTime.now("")
          + " AND land_use_code !~ '^E' ORDER BY fid";

  /** The current districts labelled with their code. */
  private static final String DISTRICTS =
      "SELECT district_code AS label, ST_AsBinary(ST_Force2D(geom)) AS wkb FROM district"
          + " WHERE "
          + ValidTime.now("")
          + " ORDER BY fid";

  /**
   * The label index (into {@code labels}, filled as met) of every cell whose centre lies inside one
   * of the polygons of {@code sql} (columns label, wkb; a later polygon wins), −1 elsewhere.
   */
  private static int[] labelledCells(
      ReadTransaction tx, CoverageGrid g, String sql, List<String> labels) throws SQLException {
    int[] out = new int[g.width() * g.height()];
    Arrays.fill(out, -1);
    WKBReader wkb = new WKBReader();
    List<Object[]> polygons =
        tx.queryAll(sql, Map.of(), rs -> new Object[] {rs.getString(1), rs.getBytes(2)});
    for (Object[] p : polygons) {
      Geometry geom;
      try {
        geom = wkb.read((byte[]) p[1]);
      } catch (ParseException e) {
        throw new IllegalStateException("unreadable geometry", e);
      }
      int label = labels.indexOf((String) p[0]);
      if (label < 0) {
        labels.add((String) p[0]);
        label = labels.size() - 1;
      }
      Envelope e = geom.getEnvelopeInternal();
      CoverageGrid.Window w = g.window(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
      if (w == null) {
        continue;
      }
      IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(geom);
      for (int r = w.row0(); r < w.row0() + w.rows(); r++) {
        for (int col = w.col0(); col < w.col0() + w.cols(); col++) {
          if (inside.locate(new Coordinate(g.x(col), g.y(r))) == Location.INTERIOR) {
            out[r * g.width() + col] = label;
          }
        }
      }
    }
    return out;
  }

  /** The RSRP of a whole layer, row-major over the grid. */
  private static float[] layer(Connection c, StoredGrid stored, CoverageSector.LayerKey k)
      throws SQLException {
    CoverageGrid g = stored.grid();
    float[] out = new float[g.width() * g.height()];
    Arrays.fill(out, Float.NaN);
    for (int br = 0; br < g.blockRows(); br++) {
      for (int bc = 0; bc < g.blockCols(); bc++) {
        CoverageStore.Block b = CoverageStore.block(c, stored.id(), k, br, bc);
        if (b == null) {
          continue;
        }
        int bw = Math.min(CoverageGrid.BLOCK, g.width() - bc * CoverageGrid.BLOCK);
        for (int i = 0; i < b.rsrpDbm().length; i++) {
          int row = br * CoverageGrid.BLOCK + i / bw;
          int col = bc * CoverageGrid.BLOCK + i % bw;
          out[row * g.width() + col] = b.rsrpDbm()[i];
        }
      }
    }
    return out;
  }

  /** Connected hole cells (4-neighbours) of at least the minimum area, as polygons. */
  private static List<Hole> holes(
      CoverageGrid g,
      boolean[] hole,
      CoverageSector.LayerKey k,
      double minAreaM2,
      double threshold,
      int[] cellDistrict,
      List<String> districts) {
    GeometryFactory f = new GeometryFactory();
    List<Hole> out = new ArrayList<>();
    boolean[] seen = new boolean[hole.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < hole.length; start++) {
      if (!hole[start] || seen[start]) {
        continue;
      }
      List<Integer> cells = new ArrayList<>();
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        cells.add(i);
        int r = i / g.width();
        int col = i % g.width();
        int[][] next = {{r - 1, col}, {r + 1, col}, {r, col - 1}, {r, col + 1}};
        for (int[] n : next) {
          if (n[0] >= 0 && n[0] < g.height() && n[1] >= 0 && n[1] < g.width()) {
            int j = n[0] * g.width() + n[1];
            if (hole[j] && !seen[j]) {
              seen[j] = true;
              queue.add(j);
            }
          }
        }
      }
      double area = cells.size() * g.cellM() * g.cellM();
      if (area >= minAreaM2) {
        List<Geometry> boxes = new ArrayList<>();
        int[] inDistrict = new int[districts.size()];
        for (int i : cells) {
          if (cellDistrict[i] >= 0) {
            inDistrict[cellDistrict[i]]++;
          }
          double x0 = g.west() + (i % g.width()) * g.cellM();
          double y1 = g.north() - (i / g.width()) * g.cellM();
          boxes.add(f.toGeometry(new Envelope(x0, x0 + g.cellM(), y1 - g.cellM(), y1)));
        }
        int most = -1;
        for (int d = 0; d < inDistrict.length; d++) {
          if (inDistrict[d] > 0 && (most < 0 || inDistrict[d] > inDistrict[most])) {
            most = d;
          }
        }
        out.add(
            new Hole(
                k.operator(),
                k.band(),
                area,
                UnaryUnionOp.union(boxes),
                threshold,
                most < 0 ? null : districts.get(most)));
      }
    }
    out.sort((a, b) -> Double.compare(b.areaM2(), a.areaM2()));
    return out;
  }
}
