package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * Survey point numbers (物探点号): the band prefix and six or more digits, e.g. JS000123. The junctions
 * of every crossing are numbered first, by a formula (so an edge can name the junctions at its ends
 * without generating the crossing), then the points the edges own, in stream order. A numbering is
 * stateful: one per pass over the edges.
 */
final class PointNumbering {

  private final int rows;
  private final int[] nsLines;
  private final int[] ewLines;
  private final long[][] junctionBase;
  private final long[] next;

  PointNumbering(SampleModel model) {
    List<Road> columns = model.grid().columns();
    List<Road> rows = model.grid().rows();
    this.rows = rows.size();
    int bands = Band.values().length;
    nsLines = new int[columns.size() * bands];
    ewLines = new int[rows.size() * bands];
    for (Band band : Band.values()) {
      for (int i = 0; i < columns.size(); i++) {
        nsLines[i * bands + band.ordinal()] = model.section(columns.get(i)).lines(band).size();
      }
      for (int j = 0; j < rows.size(); j++) {
        ewLines[j * bands + band.ordinal()] = model.section(rows.get(j)).lines(band).size();
      }
    }
    junctionBase = new long[bands][columns.size() * rows.size()];
    next = new long[bands];
    for (Band band : Band.values()) {
      long n = 0;
      for (int i = 0; i < columns.size(); i++) {
        for (int j = 0; j < rows.size(); j++) {
          junctionBase[band.ordinal()][i * this.rows + j] = n;
          n += (long) lines(nsLines, i, band) * lines(ewLines, j, band);
        }
      }
      next[band.ordinal()] = n;
    }
  }

  private static int lines(int[] counts, int road, Band band) {
    return counts[road * Band.values().length + band.ordinal()];
  }

  /**
   * The number of the junction of a band at crossing (i, j) of north-south line {@code a} and
   * east-west line {@code b} (indices in offset order among the band's lines of each road).
   */
  String junction(Band band, int i, int j, int a, int b) {
    return format(
        band,
        junctionBase[band.ordinal()][i * rows + j] + (long) a * lines(ewLines, j, band) + b + 1);
  }

  /** The next number of a band for a point an edge owns. */
  String next(Band band) {
    return format(band, ++next[band.ordinal()]);
  }

  private static String format(Band band, long n) {
    return band.pointPrefix() + String.format("%06d", n);
  }
}
