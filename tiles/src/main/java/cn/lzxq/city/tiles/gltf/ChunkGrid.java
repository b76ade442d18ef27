package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts the triangles of mesh parts into cubic cells of {@code cellMetres} (by centroid), and
 * within a cell into one primitive per (material, feature table). Small cells keep the 16-bit
 * quantization step small wherever a tile is large. Iteration order is deterministic.
 */
final class ChunkGrid {

    /** One future primitive: merged triangles with per-vertex feature IDs. */
    static final class Primitive {
        final int material;
        final int table;
        final MeshData mesh = new MeshData();
        final List<Integer> featureIds = new ArrayList<>();
        private final Map<Long, Integer> remap = new HashMap<>();

        Primitive(int material, int table) {
            this.material = material;
            this.table = table;
        }

        private int vertex(int partIndex, MeshPart part, int v) {
            return remap.computeIfAbsent(((long) partIndex << 32) | v, k -> {
                featureIds.add(part.feature());
                return mesh.addVertex(part.mesh().position(v), part.mesh().normal(v));
            });
        }

        int[] featureIdArray() {
            return featureIds.stream().mapToInt(Integer::intValue).toArray();
        }

        int distinctFeatures() {
            return (int) featureIds.stream().distinct().count();
        }
    }

    private final double cellMetres;
    private final TreeMap<String, TreeMap<Long, Primitive>> cells = new TreeMap<>();

    ChunkGrid(double cellMetres) {
        this.cellMetres = cellMetres;
    }

    void add(int partIndex, MeshPart part) {
        MeshData m = part.mesh();
        for (int t = 0; t < m.triangleCount(); t++) {
            Vec3 c = m.position(m.index(t, 0)).plus(m.position(m.index(t, 1))).plus(m.position(m.index(t, 2))).times(1 / 3.0);
            String key = String.format("%+06d_%+06d_%+06d", cell(c.x()), cell(c.y()), cell(c.z()));
            long primKey = ((long) part.material() << 32) | part.table();
            Primitive prim = cells.computeIfAbsent(key, k -> new TreeMap<>())
                .computeIfAbsent(primKey, k -> new Primitive(part.material(), part.table()));
            int a = prim.vertex(partIndex, part, m.index(t, 0));
            int b = prim.vertex(partIndex, part, m.index(t, 1));
            int d = prim.vertex(partIndex, part, m.index(t, 2));
            prim.mesh.addTriangle(a, b, d);
        }
    }

    private long cell(double v) {
        return (long) Math.floor(v / cellMetres);
    }

    /** Cell name → primitives of that cell, both in a stable order. */
    Map<String, List<Primitive>> chunks() {
        Map<String, List<Primitive>> out = new java.util.LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }
}
