package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.List;

/**
 * Builds the fitting at a network node from the pipe ends that meet there.
 *
 * <ul>
 *   <li>elbow: the two pipes are trimmed back and joined by short straight sockets and a swept arc
 *       (bend radius up to 1.5 × size), with exactly the pipes' cross-section, so the surface is
 *       continuous (no gap, no crack);
 *   <li>reducer: a flanged frustum from one size to the other, closed, enclosing both pipe ends;
 *   <li>tee, cross, multi-way: a hub (sphere, or box for rectangular ducts) with a flanged socket
 *       along each pipe, closed, enclosing the pipe ends;
 *   <li>cap: a closed sleeve over the dead end.
 * </ul>
 */
public final class FittingBuilder {

  /** Fittings are this much larger than the pipes they join. */
  static final double OVERSIZE = 1.12;

  private final int sides;

  /**
   * @param sides side count for the spherical hub of tees and crosses
   */
  public FittingBuilder(int sides) {
    this.sides = sides;
  }

  /** The fitting for pipe ends meeting at {@code node} (local ENU, metres). */
  public Fitting build(Vec3 node, List<PipeEnd> ends) {
    FittingKind kind = FittingKind.of(ends);
    double[] trims = new double[ends.size()];
    MeshData mesh =
        switch (kind) {
          case NONE -> new MeshData();
          case CAP -> cap(node, ends.get(0));
          case ELBOW -> elbow(node, ends.get(0), ends.get(1), trims);
          case REDUCER -> reducer(node, ends.get(0), ends.get(1));
          case TEE, CROSS, MULTI -> hub(node, ends);
        };
    return new Fitting(kind, mesh, trims);
  }

  private static double socket(PipeEnd end) {
    return Math.min(end.available() * 0.45, Math.max(0.15, 1.2 * end.profile().radius()));
  }

  private MeshData cap(Vec3 node, PipeEnd end) {
    double r = end.profile().radius();
    Vec3 inner = node.plus(end.direction().times(socket(end)));
    Vec3 outer = node.minus(end.direction().times(Math.max(0.02, 0.1 * r)));
    return Sweep.sweep(end.profile().scaled(OVERSIZE), List.of(outer, inner), null, true, true);
  }

  private static MeshData elbow(Vec3 node, PipeEnd a, PipeEnd b, double[] trims) {
    double theta = Math.acos(Math.max(-1, Math.min(1, a.direction().dot(b.direction()))));
    double bend = 1.5 * Math.max(a.sizeMm(), 50) / 1000;
    double t = Math.min(bend / Math.tan(theta / 2), 0.45 * Math.min(a.available(), b.available()));
    trims[0] = t;
    trims[1] = t;
    List<Vec3> corner =
        List.of(node.plus(a.direction().times(t)), node, node.plus(b.direction().times(t)));
    List<Vec3> path = CentrelinePath.smooth(corner, bend, Double.MAX_VALUE, 0.9);
    return Sweep.sweep(a.profile(), path, null, false, false);
  }

  private static MeshData reducer(Vec3 node, PipeEnd a, PipeEnd b) {
    boolean aBig = a.profile().radius() >= b.profile().radius();
    PipeEnd big = aBig ? a : b;
    PipeEnd small = aBig ? b : a;
    double ratio = small.profile().radius() / big.profile().radius();
    List<Vec3> path =
        List.of(
            node.plus(big.direction().times(socket(big))),
            node,
            node.plus(small.direction().times(socket(small))));
    double[] scales = {OVERSIZE, (1 + ratio) / 2 * OVERSIZE, ratio * OVERSIZE};
    return Sweep.sweep(big.profile(), path, scales, true, true);
  }

  private MeshData hub(Vec3 node, List<PipeEnd> ends) {
    MeshData mesh = new MeshData();
    double hubRadius = 0;
    boolean rectangular = false;
    for (PipeEnd end : ends) {
      hubRadius = Math.max(hubRadius, end.profile().radius() * OVERSIZE);
      rectangular |= end.profile().edges().length == 8 && end.profile().size() == 8;
      mesh.append(
          Sweep.sweep(
              end.profile().scaled(OVERSIZE),
              List.of(node, node.plus(end.direction().times(socket(end)))),
              null,
              true,
              true));
    }
    if (rectangular) {
      Vec3 half = new Vec3(hubRadius, hubRadius, hubRadius).times(0.75);
      mesh.append(Primitives.box(node.minus(half), node.plus(half)));
    } else {
      mesh.append(Primitives.sphere(node, hubRadius, sides));
    }
    return mesh;
  }
}
