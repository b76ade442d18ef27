package cn.lzxq.city.data.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves coordinates between a CRS's authority axis order (as requests and GML carry them) and the x
 * = easting/longitude order the filter tree, JTS and PostGIS use. The order itself comes only from
 * {@link CrsRef#axisOrder()}.
 */
public final class AxisSwap {

  private AxisSwap() {}

  /** The geometry in x = easting/longitude order, its SRID set to the CRS's. */
  public static Geometry toEastNorth(Geometry g, CrsRef crs) {
    Geometry out = crs.axisOrder().northFirst() ? swapped(g) : g;
    out.setSRID(crs.srid());
    return out;
  }

  /**
   * The envelope from the four numbers of a request box in the CRS's axis order ({@code
   * a1,b1,a2,b2}: lower corner then upper corner).
   */
  public static Envelope envelope(double a1, double b1, double a2, double b2, CrsRef crs) {
    return crs.axisOrder().northFirst()
        ? new Envelope(b1, b2, a1, a2)
        : new Envelope(a1, a2, b1, b2);
  }

  /** A copy with x and y exchanged in every coordinate. */
  public static Geometry swapped(Geometry g) {
    Geometry copy = g.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            seq.setOrdinate(i, CoordinateSequence.X, seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.Y, x);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    copy.setSRID(g.getSRID());
    return copy;
  }
}
