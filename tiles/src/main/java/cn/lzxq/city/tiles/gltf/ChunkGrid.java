package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts the triangles of mesh parts into cubic cells of {@code cellMetres} (by centroid), and
 * within a cell into one primitive per (material, feature table). Small cells keep the 16-bit
 * quantization step small wherever a tile is large. Cells are keyed by their packed integer indices
 * (no text per triangle); iteration order is deterministic (by cell x, y, z).
 */
final class ChunkGrid {

  /** Bits per packed cell index: ±2^20 cells of 256 m cover any tile. */
  private static final int BITS = 21;

  private static final long BIAS = 1L << (BITS - 1);
  private static final long MASK = (1L << BITS) - 1;

  /** One future primitive: merged triangles with per-vertex feature IDs. */
  static final class Primitive {
    final int material;
    final int table;
    final MeshData mesh = new MeshData();
    private int[] featureIds = new int[64];
    private final BitSet features = new BitSet();

    Primitive(int material, int table) {
      this.material = material;
      this.table = table;
    }

    private int vertex(MeshPart part, int[] remap, int v) {
      if (remap[v] < 0) {
        remap[v] = mesh.addVertex(part.mesh(), v);
        if (remap[v] >= featureIds.length) {
          featureIds = java.util.Arrays.copyOf(featureIds, featureIds.length * 2);
        }
        featureIds[remap[v]] = part.feature();
        features.set(part.feature());
      }
      return remap[v];
    }

    int[] featureIdArray() {
      return java.util.Arrays.copyOf(featureIds, mesh.vertexCount());
    }

    int distinctFeatures() {
      return features.cardinality();
    }
  }

  private final double cellMetres;
  private final Map<Long, TreeMap<Long, Primitive>> cells = new HashMap<>();

  ChunkGrid(double cellMetres) {
    this.cellMetres = cellMetres;
  }

  void add(MeshPart part) {
    MeshData m = part.mesh();
    long primKey = ((long) part.material() << 32) | part.table();
    Map<Primitive, int[]> remaps = new IdentityHashMap<>();
    long lastCell = Long.MIN_VALUE;
    Primitive prim = null;
    int[] remap = null;
    for (int t = 0; t < m.triangleCount(); t++) {
      int i0 = m.index(t, 0), i1 = m.index(t, 1), i2 = m.index(t, 2);
      long cell =
          pack(
              cell(m.x(i0) + m.x(i1) + m.x(i2)),
              cell(m.y(i0) + m.y(i1) + m.y(i2)),
              cell(m.z(i0) + m.z(i1) + m.z(i2)));
      if (cell != lastCell) {
        lastCell = cell;
        prim =
            cells
                .computeIfAbsent(cell, k -> new TreeMap<>())
                .computeIfAbsent(primKey, k -> new Primitive(part.material(), part.table()));
        remap =
            remaps.computeIfAbsent(
                prim,
                p -> {
                  int[] r = new int[m.vertexCount()];
                  java.util.Arrays.fill(r, -1);
                  return r;
                });
      }
      prim.mesh.addTriangle(
          prim.vertex(part, remap, i0), prim.vertex(part, remap, i1), prim.vertex(part, remap, i2));
    }
  }

  /** The cell index of a coordinate given as the sum of a triangle's three corners. */
  private long cell(double threeTimes) {
    return (long) Math.floor(threeTimes / (3 * cellMetres));
  }

  private static long pack(long x, long y, long z) {
    return ((x + BIAS) & MASK) << (2 * BITS) | ((y + BIAS) & MASK) << BITS | ((z + BIAS) & MASK);
  }

  /** Cell name ({@code x_y_z} indices) → primitives of that cell, both in a stable order. */
  Map<String, List<Primitive>> chunks() {
    Map<String, List<Primitive>> out = new LinkedHashMap<>();
    new TreeMap<>(cells)
        .forEach(
            (k, v) ->
                out.put(
                    ((k >>> (2 * BITS)) - BIAS)
                        + "_"
                        + (((k >>> BITS) & MASK) - BIAS)
                        + "_"
                        + ((k & MASK) - BIAS),
                    new ArrayList<>(v.values())));
    return out;
  }
}
