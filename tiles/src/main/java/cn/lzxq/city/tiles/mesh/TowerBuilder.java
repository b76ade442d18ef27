package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Simple but recognisable tower meshes, base at the origin, z up, in metres. Lattice towers taper
 * from a base of about 12 % of their height to a 1.6 m head, braced every few metres.
 */
public final class TowerBuilder {

  private TowerBuilder() {}

  /** The mesh of a tower of the given type and height (metres, at least 2). */
  public static MeshData build(TowerType type, double height) {
    double h = Math.max(2, height);
    return switch (type) {
      case MONOPOLE -> monopole(h);
      case ANGLE_STEEL -> lattice(h, 4, Profile.rectangle(0.16, 0.16), 0.12);
      case THREE_TUBE -> lattice(h, 3, Profile.circle(0.14, 8), 0.1);
      case ROOFTOP_POLE -> rooftopPole(h);
      case LIGHT_POLE -> lightPole(h);
    };
  }

  private static MeshData monopole(double h) {
    MeshData mesh = new MeshData();
    mesh.append(Primitives.frustum(Vec3.ZERO, 0.45, new Vec3(0, 0, h), 0.22, 16));
    mesh.append(Primitives.cylinder(1.3, h - 2.2, h - 1.9, 16));
    return mesh;
  }

  private static MeshData lattice(double h, int legs, Profile legProfile, double baseRatio) {
    MeshData mesh = new MeshData();
    double baseRadius = Math.max(1.2, baseRatio * h);
    double topRadius = 0.8;
    int levels = Math.max(2, (int) Math.round(h / 5));
    List<List<Vec3>> rings = new ArrayList<>();
    for (int l = 0; l <= levels; l++) {
      double z = h * l / levels;
      double r = baseRadius + (topRadius - baseRadius) * l / levels;
      List<Vec3> ring = new ArrayList<>();
      for (int k = 0; k < legs; k++) {
        double a = 2 * Math.PI * k / legs + Math.PI / legs;
        ring.add(new Vec3(r * Math.cos(a), r * Math.sin(a), z));
      }
      rings.add(ring);
    }
    Profile brace = legProfile.scaled(0.45);
    for (int k = 0; k < legs; k++) {
      mesh.append(Primitives.prism(legProfile, rings.get(0).get(k), rings.get(levels).get(k)));
    }
    for (int l = 1; l <= levels; l++) {
      for (int k = 0; k < legs; k++) {
        Vec3 a = rings.get(l).get(k), b = rings.get(l).get((k + 1) % legs);
        mesh.append(Primitives.prism(brace, a, b));
        mesh.append(Primitives.prism(brace, rings.get(l - 1).get(k), b));
      }
    }
    mesh.append(Primitives.cylinder(topRadius + 0.6, h - 0.2, h, 12));
    return mesh;
  }

  private static MeshData rooftopPole(double h) {
    MeshData mesh = new MeshData();
    mesh.append(Primitives.box(new Vec3(-0.45, -0.45, 0), new Vec3(0.45, 0.45, 0.12)));
    mesh.append(Primitives.cylinder(0.06, 0.12, h, 10));
    mesh.append(
        Primitives.prism(
            Profile.circle(0.03, 6), new Vec3(0, 0, 0.12 + 0.4 * h), new Vec3(0.4, 0, 0.12)));
    return mesh;
  }

  private static MeshData lightPole(double h) {
    MeshData mesh = new MeshData();
    mesh.append(Primitives.frustum(Vec3.ZERO, 0.13, new Vec3(0, 0, h), 0.07, 12));
    Vec3 armStart = new Vec3(0, 0, h - 0.4);
    Vec3 armEnd = new Vec3(1.6, 0, h - 0.1);
    mesh.append(Primitives.prism(Profile.circle(0.04, 8), armStart, armEnd));
    mesh.append(Primitives.box(new Vec3(1.3, -0.15, h - 0.25), new Vec3(2.0, 0.15, h - 0.1)));
    return mesh;
  }
}
