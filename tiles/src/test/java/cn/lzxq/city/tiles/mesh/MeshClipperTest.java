package cn.lzxq.city.tiles.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import org.junit.jupiter.api.Test;

class MeshClipperTest {

  private static final Region TILE = Region.ofDegrees(103.70, 36.50, 103.71, 36.51, -10, 10);
  private static final LocalFrame FRAME = LocalFrame.at(TILE.centre());
  private static final MeshClipper CLIPPER = new MeshClipper(FRAME, TILE);

  private static MeshData manholeAt(GeoPoint p) {
    MeshData m = new MeshData();
    m.append(Primitives.cylinder(0.35, -3, 0, 12), Matrix4.translation(FRAME.toLocal(p)));
    return m;
  }

  @Test
  void aMeshInsideIsKeptWhole() {
    MeshData inside = manholeAt(new GeoPoint(103.705, 36.505, 0));
    assertThat(CLIPPER.containsAll(inside)).isTrue();
    assertThat(CLIPPER.clip(inside)).isSameAs(inside);
  }

  @Test
  void aMeshAcrossTheEastEdgeIsCutThere() {
    MeshData across = manholeAt(new GeoPoint(103.71, 36.505, 0));
    assertThat(CLIPPER.containsAll(across)).isFalse();
    MeshData cut = CLIPPER.clip(across);
    assertThat(cut.isEmpty()).isFalse();
    double eastmost = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cut.vertexCount(); i++) {
      eastmost = Math.max(eastmost, FRAME.toGeodetic(cut.position(i)).lon());
    }
    assertThat(eastmost)
        .as("cut on the meridian 103.71° (1e-9° ≈ 0.1 mm)")
        .isBetween(103.71 - 1e-9, 103.71 + 1e-9);
    Vec3 west = FRAME.toLocal(new GeoPoint(103.71 - 0.36 / 89_600, 36.505, 0));
    assertThat(CLIPPER.containsAll(manholeAt(FRAME.toGeodetic(west))))
        .as("0.01 m inside the edge")
        .isTrue();
  }
}
