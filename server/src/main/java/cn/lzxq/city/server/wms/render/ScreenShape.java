package cn.lzxq.city.server.wms.render;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * A feature geometry in image pixels (x right, y down).
 *
 * @param path lines and polygon rings as a path (even-odd fill); empty for points
 * @param points point positions as x, y pairs; empty for lines and polygons
 * @param polygon true when the path holds rings
 */
public record ScreenShape(Path2D.Float path, float[] points, boolean polygon) {

  /** Where a point symbol or label of the feature goes: its points, or the centre of its bounds. */
  public float[] anchors() {
    if (points.length > 0) {
      return points;
    }
    Rectangle2D b = path.getBounds2D();
    return new float[] {(float) b.getCenterX(), (float) b.getCenterY()};
  }
}
