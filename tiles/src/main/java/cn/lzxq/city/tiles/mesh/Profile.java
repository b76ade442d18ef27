package cn.lzxq.city.tiles.mesh;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed, convex cross-section in its own 2D plane: u to the right of the direction of travel, v
 * up (metres). Vertices carry their outward 2D normal; {@code edges} pairs vertex indices that
 * bound a side face, so smooth profiles (circles) share vertices between faces and sharp ones
 * (rectangles) duplicate corners with one normal per face.
 *
 * @param u right coordinates
 * @param v up coordinates
 * @param nu right components of the outward normals
 * @param nv up components of the outward normals
 * @param edges pairs (from, to) of vertex indices, counter-clockwise seen from the front
 */
public record Profile(double[] u, double[] v, double[] nu, double[] nv, int[] edges) {

  /** A circle of {@code radius} metres approximated by {@code sides} vertices (smooth normals). */
  public static Profile circle(double radius, int sides) {
    if (sides < 3) {
      throw new IllegalArgumentException("a circle needs at least 3 sides");
    }
    double[] u = new double[sides],
        v = new double[sides],
        nu = new double[sides],
        nv = new double[sides];
    int[] edges = new int[sides * 2];
    for (int i = 0; i < sides; i++) {
      double a = 2 * Math.PI * i / sides;
      nu[i] = Math.cos(a);
      nv[i] = Math.sin(a);
      u[i] = radius * nu[i];
      v[i] = radius * nv[i];
      edges[i * 2] = i;
      edges[i * 2 + 1] = (i + 1) % sides;
    }
    return new Profile(u, v, nu, nv, edges);
  }

  /** A {@code width} × {@code height} metre rectangle centred on the axis (flat faces). */
  public static Profile rectangle(double width, double height) {
    double w = width / 2, h = height / 2;
    double[][] corners = {{w, -h}, {w, h}, {-w, h}, {-w, -h}};
    double[][] faceNormals = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    List<double[]> verts = new ArrayList<>();
    int[] edges = new int[8];
    for (int f = 0; f < 4; f++) {
      double[] a = corners[f], b = corners[(f + 1) % 4];
      verts.add(new double[] {a[0], a[1], faceNormals[f][0], faceNormals[f][1]});
      verts.add(new double[] {b[0], b[1], faceNormals[f][0], faceNormals[f][1]});
      edges[f * 2] = f * 2;
      edges[f * 2 + 1] = f * 2 + 1;
    }
    double[] u = new double[8], v = new double[8], nu = new double[8], nv = new double[8];
    for (int i = 0; i < 8; i++) {
      u[i] = verts.get(i)[0];
      v[i] = verts.get(i)[1];
      nu[i] = verts.get(i)[2];
      nv[i] = verts.get(i)[3];
    }
    return new Profile(u, v, nu, nv, edges);
  }

  /** Number of vertices. */
  public int size() {
    return u.length;
  }

  /** The same shape scaled by {@code k} about its centre (normals unchanged). */
  public Profile scaled(double k) {
    double[] su = u.clone(), sv = v.clone();
    for (int i = 0; i < su.length; i++) {
      su[i] *= k;
      sv[i] *= k;
    }
    return new Profile(su, sv, nu, nv, edges);
  }

  /** Largest distance of a vertex from the axis, in metres. */
  public double radius() {
    double r = 0;
    for (int i = 0; i < u.length; i++) {
      r = Math.max(r, Math.hypot(u[i], v[i]));
    }
    return r;
  }
}
