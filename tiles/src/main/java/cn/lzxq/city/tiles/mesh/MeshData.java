package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.Arrays;

/**
 * A growable indexed triangle mesh: positions (metres, double precision), unit normals and
 * counter-clockwise triangles. Not thread-safe; builders fill one and hand it on.
 */
public final class MeshData {

  private double[] positions = new double[96];
  private float[] normals = new float[96];
  private int[] indices = new int[96];
  private int vertexCount;
  private int indexCount;

  /** Appends a vertex and returns its index. */
  public int addVertex(Vec3 position, Vec3 normal) {
    if (vertexCount * 3 + 3 > positions.length) {
      positions = Arrays.copyOf(positions, positions.length * 2);
      normals = Arrays.copyOf(normals, normals.length * 2);
    }
    Vec3 n = normal.normalized();
    int o = vertexCount * 3;
    positions[o] = position.x();
    positions[o + 1] = position.y();
    positions[o + 2] = position.z();
    normals[o] = (float) n.x();
    normals[o + 1] = (float) n.y();
    normals[o + 2] = (float) n.z();
    return vertexCount++;
  }

  /** Appends a copy of vertex {@code v} of {@code from} (position and unit normal unchanged). */
  public int addVertex(MeshData from, int v) {
    if (vertexCount * 3 + 3 > positions.length) {
      positions = Arrays.copyOf(positions, positions.length * 2);
      normals = Arrays.copyOf(normals, normals.length * 2);
    }
    System.arraycopy(from.positions, v * 3, positions, vertexCount * 3, 3);
    System.arraycopy(from.normals, v * 3, normals, vertexCount * 3, 3);
    return vertexCount++;
  }

  /** Appends a counter-clockwise triangle of existing vertex indices. */
  public void addTriangle(int a, int b, int c) {
    if (indexCount + 3 > indices.length) {
      indices = Arrays.copyOf(indices, indices.length * 2);
    }
    indices[indexCount++] = a;
    indices[indexCount++] = b;
    indices[indexCount++] = c;
  }

  /** Appends the quad a-b-c-d (counter-clockwise) as two triangles. */
  public void addQuad(int a, int b, int c, int d) {
    addTriangle(a, b, c);
    addTriangle(a, c, d);
  }

  /** Appends all of {@code other}, transformed by a rigid or scaling matrix. */
  public void append(MeshData other, Matrix4 transform) {
    int base = vertexCount;
    Matrix4 normalMatrix = NormalMatrix.of(transform);
    for (int i = 0; i < other.vertexCount; i++) {
      addVertex(
          transform.transformPoint(other.position(i)),
          normalMatrix.transformDirection(other.normal(i)));
    }
    for (int i = 0; i < other.indexCount; i += 3) {
      addTriangle(
          base + other.indices[i], base + other.indices[i + 1], base + other.indices[i + 2]);
    }
  }

  /** Appends all of {@code other} unchanged. */
  public void append(MeshData other) {
    append(other, Matrix4.IDENTITY);
  }

  public int vertexCount() {
    return vertexCount;
  }

  public int triangleCount() {
    return indexCount / 3;
  }

  public boolean isEmpty() {
    return indexCount == 0;
  }

  public Vec3 position(int i) {
    return new Vec3(positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]);
  }

  /** East (x) coordinate of vertex {@code i}, metres. */
  public double x(int i) {
    return positions[i * 3];
  }

  /** North (y) coordinate of vertex {@code i}, metres. */
  public double y(int i) {
    return positions[i * 3 + 1];
  }

  /** Up (z) coordinate of vertex {@code i}, metres. */
  public double z(int i) {
    return positions[i * 3 + 2];
  }

  public Vec3 normal(int i) {
    return new Vec3(normals[i * 3], normals[i * 3 + 1], normals[i * 3 + 2]);
  }

  /** Vertex index {@code corner} (0..2) of triangle {@code t}. */
  public int index(int t, int corner) {
    return indices[t * 3 + corner];
  }

  /** The face normal (unit, from the winding) of triangle {@code t}; zero for a degenerate one. */
  public Vec3 faceNormal(int t) {
    Vec3 a = position(index(t, 0));
    return position(index(t, 1)).minus(a).cross(position(index(t, 2)).minus(a)).normalized();
  }

  /** Minimum corner of the axis-aligned bounds. */
  public Vec3 min() {
    return bound(-1);
  }

  /** Maximum corner of the axis-aligned bounds. */
  public Vec3 max() {
    return bound(1);
  }

  private Vec3 bound(int sign) {
    double[] b = {sign * -Double.MAX_VALUE, sign * -Double.MAX_VALUE, sign * -Double.MAX_VALUE};
    for (int i = 0; i < vertexCount * 3; i++) {
      b[i % 3] = sign > 0 ? Math.max(b[i % 3], positions[i]) : Math.min(b[i % 3], positions[i]);
    }
    return new Vec3(b[0], b[1], b[2]);
  }
}
