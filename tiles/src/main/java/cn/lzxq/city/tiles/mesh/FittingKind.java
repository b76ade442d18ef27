package cn.lzxq.city.tiles.mesh;

/** The fitting a network node gets from its topology. */
public enum FittingKind {
  /** Two pipes of equal size in a straight line: nothing to add. */
  NONE,
  /** Dead end (one pipe). */
  CAP,
  /** Two pipes of equal size at an angle. */
  ELBOW,
  /** Two pipes of different size. */
  REDUCER,
  /** Three pipes. */
  TEE,
  /** Four pipes. */
  CROSS,
  /** Five or more pipes. */
  MULTI;

  /** The kind for the given ends (see the constants). */
  public static FittingKind of(java.util.List<PipeEnd> ends) {
    return switch (ends.size()) {
      case 0 -> NONE;
      case 1 -> CAP;
      case 2 -> twoEnds(ends.get(0), ends.get(1));
      case 3 -> TEE;
      case 4 -> CROSS;
      default -> MULTI;
    };
  }

  private static FittingKind twoEnds(PipeEnd a, PipeEnd b) {
    if (Math.abs(a.sizeMm() - b.sizeMm()) > 0.05 * Math.max(a.sizeMm(), b.sizeMm())) {
      return REDUCER;
    }
    double cos = -a.direction().dot(b.direction());
    return cos > Math.cos(CentrelinePath.MIN_ARC_ANGLE) ? NONE : ELBOW;
  }
}
