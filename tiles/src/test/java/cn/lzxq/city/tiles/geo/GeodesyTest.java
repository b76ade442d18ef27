package cn.lzxq.city.tiles.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesyTest {

  private static final Ellipsoid E = Ellipsoid.WGS84;

  @Test
  void ecefOfKnownPoints() {
    Vec3 equator = E.toEcef(new GeoPoint(0, 0, 0));
    assertThat(equator.x()).isCloseTo(6_378_137.0, within(1e-6));
    assertThat(E.toEcef(new GeoPoint(90, 0, 100)).y()).isCloseTo(6_378_237.0, within(1e-6));
    assertThat(E.toEcef(new GeoPoint(0, 90, 0)).z()).isCloseTo(6_356_752.314245, within(1e-5));
    // Lanzhou New Area, cross-checked with the closed-form formula on paper: N = a / sqrt(1 - e²
    // sin²φ).
    Vec3 p = E.toEcef(new GeoPoint(103.7, 36.55, 2000));
    double n = E.a() / Math.sqrt(1 - E.e2() * Math.pow(Math.sin(Math.toRadians(36.55)), 2));
    assertThat(Math.hypot(p.x(), p.y()))
        .isCloseTo((n + 2000) * Math.cos(Math.toRadians(36.55)), within(1e-6));
    assertThat(Math.toDegrees(Math.atan2(p.y(), p.x()))).isCloseTo(103.7, within(1e-12));
  }

  @Test
  void geodeticRoundTrip() {
    for (double h : new double[] {-30, 0, 150, 8000}) {
      GeoPoint g = new GeoPoint(103.71234, 36.54321, h);
      GeoPoint back = E.toGeodetic(E.toEcef(g));
      assertThat(back.lon()).isCloseTo(g.lon(), within(1e-11));
      assertThat(back.lat()).isCloseTo(g.lat(), within(1e-11));
      assertThat(back.height()).isCloseTo(h, within(1e-6));
    }
  }

  @Test
  void enuFrameIsOrthonormalRightHandedAndColumnMajor() {
    Matrix4 m = E.enuToEcef(new GeoPoint(103.7, 36.55, 0));
    Vec3 east = m.column(0), north = m.column(1), up = m.column(2);
    assertThat(east.length()).isCloseTo(1, within(1e-12));
    assertThat(north.length()).isCloseTo(1, within(1e-12));
    assertThat(up.length()).isCloseTo(1, within(1e-12));
    assertThat(east.dot(north)).isCloseTo(0, within(1e-12));
    assertThat(east.dot(up)).isCloseTo(0, within(1e-12));
    assertThat(east.cross(north).minus(up).length()).isCloseTo(0, within(1e-12));
    double[] cm = m.toColumnMajor();
    assertThat(new Vec3(cm[12], cm[13], cm[14])).isEqualTo(E.toEcef(new GeoPoint(103.7, 36.55, 0)));
    assertThat(cm[15]).isEqualTo(1.0);
  }

  @Test
  void localFrameMapsEastNorthUp() {
    LocalFrame f = LocalFrame.at(new GeoPoint(103.7, 36.55, 0));
    assertThat(f.toLocal(new GeoPoint(103.7, 36.55, -2)).z()).isCloseTo(-2, within(1e-6));
    Vec3 east = f.toLocal(new GeoPoint(103.701, 36.55, 0));
    assertThat(east.x()).isCloseTo(89.5, within(0.5));
    assertThat(Math.abs(east.y())).isLessThan(0.01);
    Vec3 north = f.toLocal(new GeoPoint(103.7, 36.551, 0));
    assertThat(north.y()).isCloseTo(111.0, within(0.5));
    GeoPoint back = f.toGeodetic(new Vec3(123.4, -56.7, -3.2));
    assertThat(f.toLocal(back).distance(new Vec3(123.4, -56.7, -3.2))).isLessThan(1e-6);
  }

  @Test
  void rigidInverseUndoesTheTransform() {
    Matrix4 m = E.enuToEcef(new GeoPoint(10, 50, 30));
    Vec3 p = new Vec3(1, 2, 3);
    assertThat(m.inverseRigid().transformPoint(m.transformPoint(p)).distance(p)).isLessThan(1e-8);
    assertThat(Matrix4.Y_UP_TO_Z_UP.multiply(Matrix4.Z_UP_TO_Y_UP)).isEqualTo(Matrix4.IDENTITY);
    assertThat(Matrix4.Y_UP_TO_Z_UP.transformPoint(Vec3.Y)).isEqualTo(Vec3.Z);
  }

  @Test
  void regionSidesAgreeWithGeodeticCoordinates() {
    Region r = Region.ofDegrees(103.70, 36.50, 103.80, 36.58, -10, 100);
    java.util.List<RegionBoundary> sides = RegionBoundary.of(r, Ellipsoid.WGS84);
    java.util.Random random = new java.util.Random(7);
    int near = 0;
    for (int i = 0; i < 20_000; i++) {
      // points within ~1 m of a side, heights from −30 m to +300 m
      double lon = (i % 2 == 0 ? 103.70 : 103.80) + (random.nextDouble() - 0.5) * 2e-5;
      double lat = (i % 4 < 2 ? 36.50 : 36.58) + (random.nextDouble() - 0.5) * 2e-5;
      GeoPoint g = new GeoPoint(lon, lat, -30 + 330 * random.nextDouble());
      Vec3 e = Ellipsoid.WGS84.toEcef(g);
      GeoPoint back = Ellipsoid.WGS84.toGeodetic(e);
      boolean[] expected = {
        back.lonRad() >= r.west(),
        back.lonRad() <= r.east(),
        back.latRad() >= r.south(),
        back.latRad() <= r.north()
      };
      for (int k = 0; k < 4; k++) {
        double d = sides.get(k).distance(e.x(), e.y(), e.z());
        if (Math.abs(d) > 1e-6) {
          assertThat(d >= 0).as("side " + k + " at " + g).isEqualTo(expected[k]);
          near += Math.abs(d) < 1 ? 1 : 0;
        }
      }
    }
    assertThat(near).as("points tested within 1 m of a side").isGreaterThan(10_000);
    // the distance is metric: 1e-5° of longitude at 36.5°N ≈ 0.895 m, of latitude ≈ 1.110 m
    Vec3 east = Ellipsoid.WGS84.toEcef(new GeoPoint(103.70001, 36.54, 0));
    assertThat(sides.get(0).distance(east.x(), east.y(), east.z())).isCloseTo(0.895, within(0.002));
    Vec3 north = Ellipsoid.WGS84.toEcef(new GeoPoint(103.75, 36.50001, 0));
    assertThat(sides.get(2).distance(north.x(), north.y(), north.z()))
        .isCloseTo(1.110, within(0.002));
  }
}
