package cn.lzxq.city.tiles.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TilingTest {

  private static final ImplicitQuadtree TREE =
      new ImplicitQuadtree(Region.ofDegrees(103.6, 36.45, 103.8, 36.65, -30, 150), 8, 4);

  @Test
  void tileCoordinatesChildrenAndMorton() {
    TileCoord t = new TileCoord(2, 3, 1);
    assertThat(t.children())
        .containsExactly(
            new TileCoord(3, 6, 2),
            new TileCoord(3, 7, 2),
            new TileCoord(3, 6, 3),
            new TileCoord(3, 7, 3));
    assertThat(t.children().get(3).parent()).isEqualTo(t);
    assertThat(t.morton()).isEqualTo(0b0111);
    assertThat(new TileCoord(3, 7, 3).mortonRelativeTo(t)).isEqualTo(3);
    assertThat(t.path()).isEqualTo("2/3/1");
  }

  @Test
  void childRegionsPartitionTheParent() {
    TileCoord t = new TileCoord(3, 5, 2);
    Region parent = TREE.regionOf(t);
    double area = 0;
    for (TileCoord c : t.children()) {
      Region r = TREE.regionOf(c);
      assertThat(r.west()).isGreaterThanOrEqualTo(parent.west());
      assertThat(r.north()).isLessThanOrEqualTo(parent.north());
      area += (r.east() - r.west()) * (r.north() - r.south());
    }
    assertThat(area)
        .isCloseTo(
            (parent.east() - parent.west()) * (parent.north() - parent.south()), within(1e-15));
    assertThat(
            TREE.tileAt(
                3, (parent.west() + parent.east()) / 2, (parent.south() + parent.north()) / 2))
        .isEqualTo(t);
  }

  @Test
  void geometricErrorStrictlyDecreases() {
    GeometricErrorPolicy policy = GeometricErrorPolicy.halving(TREE.root().widthMetres());
    for (int level = 1; level < TREE.availableLevels(); level++) {
      assertThat(policy.errorAt(level)).isLessThan(policy.errorAt(level - 1)).isPositive();
    }
  }

  @Test
  void importancePutsTrunksHighAndServiceLinesLow() {
    ImportancePolicy p = ImportancePolicy.defaultPolicy();
    assertThat(p.levelFor(1600, 300, 7)).isZero();
    assertThat(p.levelFor(800, 300, 7)).isEqualTo(1);
    assertThat(p.levelFor(200, 300, 7)).isEqualTo(3);
    assertThat(p.levelFor(200, 900, 7)).isEqualTo(2);
    assertThat(p.levelFor(200, 10, 7)).isEqualTo(4);
    assertThat(p.levelFor(20, 5, 7)).isEqualTo(7);
    assertThat(p.levelFor(3000, 5000, 7)).isZero();
    for (double dn = 50; dn < 2000; dn += 50) {
      assertThat(p.levelFor(dn, 100, 7)).isGreaterThanOrEqualTo(p.levelFor(dn + 50, 100, 7));
    }
  }

  @Test
  void longPipeAcrossThreeTilesIsSplitWithoutLoss() {
    TileCoord middle = TREE.tileAt(6, Math.toRadians(103.70), Math.toRadians(36.55));
    Region mid = TREE.regionOf(middle);
    double lat = Math.toDegrees((mid.south() + mid.north()) / 2);
    double w = Math.toDegrees(mid.east() - mid.west());
    double west = Math.toDegrees(mid.west());
    List<GeoPoint> pipe =
        List.of(
            new GeoPoint(west - 0.6 * w, lat, -2),
            new GeoPoint(west + 0.3 * w, lat + 0.1 * w, -2.5),
            new GeoPoint(west + 1.7 * w, lat - 0.05 * w, -3));
    LocalFrame frame = LocalFrame.at(mid.centre());
    double total = 0;
    int pieces = 0;
    for (int dx = -1; dx <= 1; dx++) {
      Region r = TREE.regionOf(new TileCoord(6, middle.x() + dx, middle.y()));
      for (List<GeoPoint> piece : PolylineClipper.clip(pipe, r)) {
        pieces++;
        total += length(piece, frame);
        for (GeoPoint g : piece) {
          assertThat(r.containsRad(g.lonRad(), g.latRad())).isTrue();
        }
      }
    }
    assertThat(pieces).isEqualTo(3);
    assertThat(total).isCloseTo(length(pipe, frame), within(1e-3));
  }

  @Test
  void clippingKeepsEveryPieceOfAZigZag() {
    Region r = Region.ofDegrees(103.70, 36.50, 103.71, 36.51, -10, 10);
    List<GeoPoint> zigzag =
        List.of(
            new GeoPoint(103.695, 36.505, 0),
            new GeoPoint(103.705, 36.505, 0),
            new GeoPoint(103.705, 36.515, 0),
            new GeoPoint(103.706, 36.505, 0),
            new GeoPoint(103.706, 36.495, 0));
    List<List<GeoPoint>> pieces = PolylineClipper.clip(zigzag, r);
    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(0).get(0).lon()).isCloseTo(103.70, within(1e-12));
    assertThat(pieces.get(1).get(pieces.get(1).size() - 1).lat()).isCloseTo(36.50, within(1e-12));
  }

  private static double length(List<GeoPoint> line, LocalFrame f) {
    List<Vec3> pts = new ArrayList<>();
    line.forEach(g -> pts.add(f.toLocal(g)));
    double len = 0;
    for (int i = 1; i < pts.size(); i++) {
      len += pts.get(i).distance(pts.get(i - 1));
    }
    return len;
  }
}
