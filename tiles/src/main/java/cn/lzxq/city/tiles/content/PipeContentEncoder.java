package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.gltf.Material;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.mesh.CentrelinePath;
import cn.lzxq.city.tiles.mesh.Fitting;
import cn.lzxq.city.tiles.mesh.FittingBuilder;
import cn.lzxq.city.tiles.mesh.FittingKind;
import cn.lzxq.city.tiles.mesh.MeshData;
import cn.lzxq.city.tiles.mesh.PipeEnd;
import cn.lzxq.city.tiles.mesh.Sweep;
import cn.lzxq.city.tiles.tiling.PolylineClipper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encodes the pipe content of one tile: tubes (circular) or ducts (rectangular) swept along the
 * centre lines with arcs at interior bends, fittings at network nodes found from the pipes' end
 * points (elbow, reducer, tee, cross, multi-way, cap; see {@link FittingBuilder}), everything cut
 * exactly at the tile region. Two property tables: the pipes (caller's class) and the fittings
 * ({@link FeatureClasses#FITTING}).
 *
 * <p>Pass every pipe of this tile's level that intersects the tile grown by {@link
 * #marginMetres(List)} (the server's query window), unclipped: pipes are cut here, and fittings at
 * nodes just outside the tile are built too and cut, so neighbouring tiles meet exactly on their
 * shared boundary.
 */
public final class PipeContentEncoder {

  /** Straight segments are split at this length (metres) to follow the earth's curvature. */
  static final double MAX_SEGMENT = 32;

  /**
   * The split length at distant detail (metres): the chord of a 256 m segment lies 1.3 mm below the
   * ellipsoid, and each split adds a ring of vertices that a city-wide view cannot show.
   */
  static final double DISTANT_SEGMENT = 256;

  private final MetadataClass pipeClass;

  /**
   * @param pipeClass class of the pipes' property table; must contain {@code feature_id}
   */
  public PipeContentEncoder(MetadataClass pipeClass) {
    this.pipeClass = pipeClass;
  }

  /** How far (metres) beyond the tile the server must query pipes for this tile. */
  public static double marginMetres(List<PipeRun> pipes) {
    double size = pipes.stream().mapToDouble(p -> p.profile().sizeMm()).max().orElse(0) / 1000;
    return 10 + 30 * size;
  }

  /**
   * @param tile the tile's region
   * @param detail -1 (distant) … 2 (fine): side count of circular pipes ({@link
   *     cn.lzxq.city.tiles.mesh.SideCountPolicy}); distant pipes are also split more coarsely
   * @param pipes the pipes (see the class comment)
   * @return the GLB bytes, or {@code null} when nothing of the pipes lies in the tile
   */
  public byte[] encode(Region tile, int detail, List<PipeRun> pipes) {
    ContentAssembly content = new ContentAssembly(tile);
    LocalFrame frame = content.frame();
    List<List<Vec3>> lines = new ArrayList<>();
    for (PipeRun p : pipes) {
      lines.add(CentrelinePath.dedupe(p.centreline().stream().map(frame::toLocal).toList()));
    }
    double[][] trims = new double[pipes.size()][2];
    List<Runnable> fittings = new ArrayList<>();
    for (NetworkTopology.Node node : NetworkTopology.nodes(lines)) {
      List<PipeEnd> ends = new ArrayList<>();
      for (NetworkTopology.End e : node.ends()) {
        ends.add(pipeEnd(lines.get(e.pipe()), e.atStart(), pipes.get(e.pipe()).profile(), detail));
      }
      Fitting fitting =
          new FittingBuilder(12 + 4 * Math.max(0, detail)).build(node.position(), ends);
      for (int k = 0; k < ends.size(); k++) {
        NetworkTopology.End e = node.ends().get(k);
        trims[e.pipe()][e.atStart() ? 0 : 1] = fitting.trims()[k];
      }
      if (fitting.kind() != FittingKind.NONE) {
        fittings.add(() -> addFitting(content, node, fitting, pipes));
      }
    }
    Region window = tile.expandedBy(marginMetres(pipes));
    for (int i = 0; i < pipes.size(); i++) {
      addPipe(content, pipes.get(i), lines.get(i), trims[i], window, detail);
    }
    fittings.forEach(Runnable::run);
    return content.toGlb();
  }

  private static PipeEnd pipeEnd(
      List<Vec3> line, boolean atStart, PipeProfile profile, int detail) {
    Vec3 end = atStart ? line.get(0) : line.get(line.size() - 1);
    Vec3 next = atStart ? line.get(1) : line.get(line.size() - 2);
    double available = CentrelinePath.length(line) / 2;
    return new PipeEnd(
        next.minus(end).normalized(), profile.profile(detail), profile.sizeMm(), available);
  }

  private void addPipe(
      ContentAssembly content,
      PipeRun pipe,
      List<Vec3> line,
      double[] trim,
      Region window,
      int detail) {
    List<Vec3> trimmed = CentrelinePath.trim(line, trim[0], trim[1]);
    if (trimmed.size() < 2) {
      return;
    }
    LocalFrame frame = content.frame();
    List<GeoPoint> geo = trimmed.stream().map(frame::toGeodetic).toList();
    double bend = 1.5 * pipe.profile().sizeMm() / 1000;
    List<MeshData> meshes = new ArrayList<>();
    for (List<GeoPoint> piece : PolylineClipper.clip(geo, window)) {
      List<Vec3> path =
          CentrelinePath.smooth(
              piece.stream().map(frame::toLocal).toList(),
              bend,
              detail < 0 ? DISTANT_SEGMENT : MAX_SEGMENT);
      meshes.add(Sweep.sweep(pipe.profile().profile(detail), path, null, false, false));
    }
    MeshData all = new MeshData();
    meshes.forEach(all::append);
    content.addFeature(
        pipeClass,
        pipe.featureId(),
        pipe.properties(),
        List.of(Material.of("pipe", pipe.colour())),
        List.of(all));
  }

  /**
   * Fittings have no database row; their {@code feature_id} is negative and derived from the node
   * position (micro-degrees), so it is stable across tiles and requests.
   */
  static long fittingId(GeoPoint node) {
    return -(Math.round(node.lon() * 1e6) * 1_000_000_000L + Math.round((node.lat() + 90) * 1e6));
  }

  private static void addFitting(
      ContentAssembly content, NetworkTopology.Node node, Fitting fitting, List<PipeRun> pipes) {
    StringJoiner ids = new StringJoiner(",");
    double size = 0;
    for (NetworkTopology.End e : node.ends()) {
      ids.add(Long.toString(pipes.get(e.pipe()).featureId()));
      size = Math.max(size, pipes.get(e.pipe()).profile().sizeMm());
    }
    PipeRun first = pipes.get(node.ends().get(0).pipe());
    GeoPoint where = content.frame().toGeodetic(node.position());
    Map<String, Object> row =
        Map.of(
            "kind",
            fitting.kind().name(),
            "size_mm",
            size,
            "pipe_ids",
            ids.toString(),
            "lon",
            where.lon(),
            "lat",
            where.lat());
    content.addFeature(
        FeatureClasses.FITTING,
        fittingId(where),
        row,
        List.of(Material.of("fitting", first.colour().shaded(0.75))),
        List.of(fitting.mesh()));
  }
}
