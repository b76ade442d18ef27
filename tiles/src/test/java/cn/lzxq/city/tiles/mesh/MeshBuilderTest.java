package cn.lzxq.city.tiles.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.support.MeshChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshBuilderTest {

  private static final Vec3 NODE = new Vec3(5, 5, -2);

  @Test
  void straightTubeHasOutwardNormalsAndExpectedCounts() {
    MeshData tube =
        Sweep.sweep(
            Profile.circle(0.3, 12),
            List.of(new Vec3(0, 0, -2), new Vec3(10, 0, -2)),
            null,
            false,
            false);
    assertThat(tube.vertexCount()).isEqualTo(24);
    assertThat(tube.triangleCount()).isEqualTo(24);
    for (int t = 0; t < tube.triangleCount(); t++) {
      Vec3 a = tube.position(tube.index(t, 0));
      Vec3 radial = new Vec3(0, a.y(), a.z() + 2);
      assertThat(tube.faceNormal(t).dot(radial)).isGreaterThan(0);
    }
    for (int i = 0; i < tube.vertexCount(); i++) {
      Vec3 p = tube.position(i);
      assertThat(Math.hypot(p.y(), p.z() + 2)).isCloseTo(0.3, within(1e-9));
      assertThat(tube.normal(i).dot(new Vec3(0, p.y(), p.z() + 2).normalized()))
          .isCloseTo(1, within(1e-6));
    }
  }

  @Test
  void cappedTubeAndDuctAreClosedSolids() {
    for (Profile p : List.of(Profile.circle(0.25, 8), Profile.rectangle(1.0, 0.6))) {
      MeshData m =
          Sweep.sweep(
              p,
              List.of(new Vec3(0, 0, 0), new Vec3(4, 1, -0.5), new Vec3(8, 0, 0)),
              null,
              true,
              true);
      assertThat(MeshChecks.isClosed(m)).isTrue();
      assertThat(MeshChecks.signedVolume(m)).isPositive();
      assertThat(MeshChecks.normalAgreement(m)).isGreaterThan(0.95);
    }
  }

  @Test
  void rectangularDuctStaysUpright() {
    MeshData duct =
        Sweep.sweep(
            Profile.rectangle(2.0, 1.0),
            List.of(new Vec3(0, 0, 0), new Vec3(0, 10, 0)),
            null,
            false,
            false);
    assertThat(duct.max().z() - duct.min().z()).isCloseTo(1.0, within(1e-9));
    assertThat(duct.max().x() - duct.min().x()).isCloseTo(2.0, within(1e-9));
    assertThat(duct.vertexCount()).isEqualTo(16);
  }

  @Test
  void bendBecomesAnArcWithoutCracks() {
    List<Vec3> path =
        CentrelinePath.smooth(
            List.of(new Vec3(0, 0, 0), new Vec3(10, 0, 0), new Vec3(10, 10, 0)), 1.5, 100);
    assertThat(path.size()).isGreaterThan(6);
    for (Vec3 p : path) {
      assertThat(p.distance(new Vec3(10, 0, 0))).isGreaterThan(0.4);
    }
    MeshData bend = Sweep.sweep(Profile.circle(0.5, 16), path, null, true, true);
    assertThat(MeshChecks.isClosed(bend)).as("shared mitre rings leave no crack").isTrue();
    assertThat(MeshChecks.signedVolume(bend)).isPositive();
  }

  @Test
  void elbowFittingMatchesTheTrimmedPipes() {
    Profile p = Profile.circle(0.15, 8);
    Fitting elbow =
        new FittingBuilder(12)
            .build(NODE, List.of(new PipeEnd(Vec3.X, p, 300, 50), new PipeEnd(Vec3.Y, p, 300, 50)));
    assertThat(elbow.kind()).isEqualTo(FittingKind.ELBOW);
    assertThat(elbow.trims()[0]).isCloseTo(0.45, within(1e-9));
    MeshData pipeA =
        Sweep.sweep(
            p,
            List.of(NODE.plus(Vec3.X.times(10)), NODE.plus(Vec3.X.times(elbow.trims()[0]))),
            null,
            true,
            false);
    MeshData pipeB =
        Sweep.sweep(
            p,
            List.of(NODE.plus(Vec3.Y.times(elbow.trims()[1])), NODE.plus(Vec3.Y.times(10))),
            null,
            false,
            true);
    MeshData joined = new MeshData();
    joined.append(pipeA);
    joined.append(elbow.mesh());
    joined.append(pipeB);
    assertThat(MeshChecks.isClosed(joined))
        .as("pipe + elbow + pipe is one watertight surface")
        .isTrue();
  }

  @Test
  void fittingsFromTopology() {
    Profile small = Profile.circle(0.1, 8), big = Profile.circle(0.3, 12);
    FittingBuilder b = new FittingBuilder(12);
    Fitting cap = b.build(NODE, List.of(new PipeEnd(Vec3.X, big, 600, 20)));
    Fitting reducer =
        b.build(
            NODE,
            List.of(
                new PipeEnd(Vec3.X, big, 600, 20), new PipeEnd(Vec3.X.times(-1), small, 200, 20)));
    Fitting tee =
        b.build(
            NODE,
            List.of(
                new PipeEnd(Vec3.X, big, 600, 20),
                new PipeEnd(Vec3.X.times(-1), big, 600, 20),
                new PipeEnd(Vec3.Y, small, 200, 20)));
    Fitting cross =
        b.build(
            NODE,
            List.of(
                new PipeEnd(Vec3.X, small, 200, 20),
                new PipeEnd(Vec3.X.times(-1), small, 200, 20),
                new PipeEnd(Vec3.Y, small, 200, 20),
                new PipeEnd(Vec3.Y.times(-1), small, 200, 20)));
    Fitting straight =
        b.build(
            NODE,
            List.of(
                new PipeEnd(Vec3.X, big, 600, 20), new PipeEnd(Vec3.X.times(-1), big, 600, 20)));
    assertThat(List.of(cap.kind(), reducer.kind(), tee.kind(), cross.kind(), straight.kind()))
        .containsExactly(
            FittingKind.CAP,
            FittingKind.REDUCER,
            FittingKind.TEE,
            FittingKind.CROSS,
            FittingKind.NONE);
    assertThat(straight.mesh().isEmpty()).isTrue();
    for (Fitting f : List.of(cap, reducer)) {
      assertThat(MeshChecks.isClosed(f.mesh())).as(f.kind().name()).isTrue();
      assertThat(MeshChecks.signedVolume(f.mesh())).isPositive();
    }
    for (Fitting f : List.of(tee, cross)) {
      assertThat(MeshChecks.signedVolume(f.mesh())).as(f.kind() + " volume").isPositive();
      assertThat(MeshChecks.normalAgreement(f.mesh())).isGreaterThan(0.95);
      assertThat(f.mesh().max().minus(f.mesh().min()).x()).isGreaterThan(0.3);
    }
  }

  @Test
  void sideCountGrowsWithDiameterAndDetail() {
    assertThat(SideCountPolicy.sides(100, SideCountPolicy.COARSE)).isEqualTo(6);
    assertThat(SideCountPolicy.sides(1200, SideCountPolicy.COARSE)).isEqualTo(16);
    assertThat(SideCountPolicy.sides(1200, SideCountPolicy.FINE)).isEqualTo(24);
    assertThat(SideCountPolicy.sides(300, 1)).isGreaterThan(SideCountPolicy.sides(300, 0));
  }

  @Test
  void assetAndTowerMeshesAreSolid() {
    assertThat(MeshChecks.signedVolume(AssetMeshes.manholeShaft()))
        .isCloseTo(Math.PI * 0.25, within(0.05));
    assertThat(MeshChecks.isClosed(AssetMeshes.manholeCover())).isTrue();
    for (TowerType type : TowerType.values()) {
      MeshData tower = TowerBuilder.build(type, 30);
      assertThat(tower.max().z()).as(type.name()).isGreaterThan(5.9);
      assertThat(MeshChecks.signedVolume(tower)).as(type.name()).isPositive();
      assertThat(MeshChecks.normalAgreement(tower)).isGreaterThan(0.95);
    }
  }

  @Test
  void sectorPanelFacesItsAzimuthAndTiltsDown() {
    MeshData east = SectorPanel.build(new Vec3(0, 0, 30), 90, 10);
    Vec3 centre = east.min().plus(east.max()).times(0.5);
    assertThat(centre.x()).isCloseTo(SectorPanel.STANDOFF, within(0.01));
    assertThat(Math.abs(centre.y())).isLessThan(0.01);
    Vec3 front = SectorPanel.placement(Vec3.ZERO, 90, 10).column(1);
    assertThat(front.z()).isCloseTo(-Math.sin(Math.toRadians(10)), within(1e-9));
    assertThat(front.x()).isPositive();
  }
}
