package cn.lzxq.city.tiles.geo;

/**
 * An immutable 3D vector or point, in metres when it is a position.
 *
 * @param x first component
 * @param y second component
 * @param z third component
 */
public record Vec3(double x, double y, double z) {

  /** The origin. */
  public static final Vec3 ZERO = new Vec3(0, 0, 0);

  /** The unit vector along x (east in an ENU frame). */
  public static final Vec3 X = new Vec3(1, 0, 0);

  /** The unit vector along y (north in an ENU frame). */
  public static final Vec3 Y = new Vec3(0, 1, 0);

  /** The unit vector along z (up in an ENU frame). */
  public static final Vec3 Z = new Vec3(0, 0, 1);

  public Vec3 plus(Vec3 o) {
    return new Vec3(x + o.x, y + o.y, z + o.z);
  }

  public Vec3 minus(Vec3 o) {
    return new Vec3(x - o.x, y - o.y, z - o.z);
  }

  public Vec3 times(double k) {
    return new Vec3(x * k, y * k, z * k);
  }

  public double dot(Vec3 o) {
    return x * o.x + y * o.y + z * o.z;
  }

  public Vec3 cross(Vec3 o) {
    return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
  }

  public double length() {
    return Math.sqrt(dot(this));
  }

  public double distance(Vec3 o) {
    return minus(o).length();
  }

  /** This vector scaled to length 1; the zero vector stays zero. */
  public Vec3 normalized() {
    double len = length();
    return len == 0 ? this : times(1 / len);
  }

  /** Linear interpolation: {@code this} at t = 0, {@code o} at t = 1. */
  public Vec3 lerp(Vec3 o, double t) {
    return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
  }

  /** Component {@code i} (0 = x, 1 = y, 2 = z). */
  public double get(int i) {
    return i == 0 ? x : i == 1 ? y : z;
  }
}
