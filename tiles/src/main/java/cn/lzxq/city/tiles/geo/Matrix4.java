package cn.lzxq.city.tiles.geo;

import java.util.Arrays;

/**
 * An immutable 4×4 affine matrix stored column-major (element (row r, column c) at index {@code c *
 * 4 + r}), as tileset.json {@code transform} and glTF {@code node.matrix} want.
 */
public final class Matrix4 {

  /** The identity matrix. */
  public static final Matrix4 IDENTITY =
      fromRows(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});

  /**
   * glTF is y-up, 3D Tiles z-up: a runtime rotates glTF content by this matrix (+90° about x)
   * before applying tile transforms. It maps glTF (x, y, z) to (x, -z, y).
   */
  public static final Matrix4 Y_UP_TO_Z_UP =
      fromRows(new double[] {1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1});

  /** The inverse of {@link #Y_UP_TO_Z_UP}: maps (x, y, z) to (x, z, -y). */
  public static final Matrix4 Z_UP_TO_Y_UP =
      fromRows(new double[] {1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1});

  private final double[] m;

  private Matrix4(double[] columnMajor) {
    this.m = columnMajor;
  }

  /** A matrix from 16 values in column-major order. */
  public static Matrix4 fromColumnMajor(double[] values) {
    if (values.length != 16) {
      throw new IllegalArgumentException("a 4x4 matrix needs 16 values");
    }
    return new Matrix4(values.clone());
  }

  /** A matrix from 16 values written row by row (as one reads it on paper). */
  public static Matrix4 fromRows(double[] rows) {
    double[] cm = new double[16];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        cm[c * 4 + r] = rows[r * 4 + c];
      }
    }
    return new Matrix4(cm);
  }

  /** A matrix whose columns are the three axes and the translation. */
  public static Matrix4 fromAxes(Vec3 xAxis, Vec3 yAxis, Vec3 zAxis, Vec3 translation) {
    return new Matrix4(
        new double[] {
          xAxis.x(), xAxis.y(), xAxis.z(), 0,
          yAxis.x(), yAxis.y(), yAxis.z(), 0,
          zAxis.x(), zAxis.y(), zAxis.z(), 0,
          translation.x(), translation.y(), translation.z(), 1
        });
  }

  /** A translation followed by nothing else. */
  public static Matrix4 translation(Vec3 t) {
    return fromAxes(Vec3.X, Vec3.Y, Vec3.Z, t);
  }

  /** Translation × rotation (unit quaternion x, y, z, w) × scale, as glTF composes TRS. */
  public static Matrix4 trs(Vec3 t, double[] q, Vec3 s) {
    double x = q[0], y = q[1], z = q[2], w = q[3];
    Vec3 c0 =
        new Vec3(1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w)).times(s.x());
    Vec3 c1 =
        new Vec3(2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w)).times(s.y());
    Vec3 c2 =
        new Vec3(2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y)).times(s.z());
    return fromAxes(c0, c1, c2, t);
  }

  /** Element at row r, column c. */
  public double get(int r, int c) {
    return m[c * 4 + r];
  }

  /** The product {@code this × o} (apply {@code o} first). */
  public Matrix4 multiply(Matrix4 o) {
    double[] out = new double[16];
    for (int c = 0; c < 4; c++) {
      for (int r = 0; r < 4; r++) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += get(r, k) * o.get(k, c);
        }
        out[c * 4 + r] = sum;
      }
    }
    return new Matrix4(out);
  }

  /** Transforms a point (w = 1). */
  public Vec3 transformPoint(Vec3 p) {
    return new Vec3(
        m[0] * p.x() + m[4] * p.y() + m[8] * p.z() + m[12],
        m[1] * p.x() + m[5] * p.y() + m[9] * p.z() + m[13],
        m[2] * p.x() + m[6] * p.y() + m[10] * p.z() + m[14]);
  }

  /** Transforms a direction (w = 0). */
  public Vec3 transformDirection(Vec3 d) {
    return new Vec3(
        m[0] * d.x() + m[4] * d.y() + m[8] * d.z(),
        m[1] * d.x() + m[5] * d.y() + m[9] * d.z(),
        m[2] * d.x() + m[6] * d.y() + m[10] * d.z());
  }

  /** Column {@code c} (0..3) as a vector. */
  public Vec3 column(int c) {
    return new Vec3(m[c * 4], m[c * 4 + 1], m[c * 4 + 2]);
  }

  /** The inverse of a rigid transform (rotation + translation only): R^T and -R^T t. */
  public Matrix4 inverseRigid() {
    Vec3 t = column(3);
    Vec3 r0 = new Vec3(m[0], m[4], m[8]);
    Vec3 r1 = new Vec3(m[1], m[5], m[9]);
    Vec3 r2 = new Vec3(m[2], m[6], m[10]);
    return fromAxes(r0, r1, r2, new Vec3(-column(0).dot(t), -column(1).dot(t), -column(2).dot(t)));
  }

  /** A copy of the 16 column-major values. */
  public double[] toColumnMajor() {
    return m.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix4 other && Arrays.equals(m, other.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "Matrix4" + Arrays.toString(m);
  }
}
