package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * Packs a unit normal into three signed normalized bytes, choosing among the neighbouring
 * roundings the one whose decoded length is closest to 1 (plain rounding can be off by ~1 %,
 * which validators flag as a non-unit normal).
 */
final class NormalPacker {

    private NormalPacker() {
    }

    static byte[] pack(Vec3 n) {
        double[] v = {n.x() * 127, n.y() * 127, n.z() * 127};
        int[] best = null;
        double bestErr = Double.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            int[] c = new int[3];
            double len2 = 0, dot = 0;
            for (int k = 0; k < 3; k++) {
                c[k] = (int) Math.max(-127, Math.min(127, ((mask >> k) & 1) == 0 ? Math.floor(v[k]) : Math.ceil(v[k])));
                len2 += c[k] * c[k];
                dot += c[k] * v[k];
            }
            double len = Math.sqrt(len2);
            double err = Math.abs(len / 127 - 1) + (len == 0 ? 1 : 1 - dot / (len * 127));
            if (err < bestErr) {
                bestErr = err;
                best = c;
            }
        }
        return new byte[] {(byte) best[0], (byte) best[1], (byte) best[2]};
    }
}
