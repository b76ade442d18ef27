package cn.lzxq.city.tiles.mesh;

/**
 * A fitting mesh at a node and how far each incident pipe must be shortened to meet it.
 *
 * @param kind the fitting kind
 * @param mesh the fitting surface (local ENU, metres); empty for {@link FittingKind#NONE}
 * @param trims metres to remove from each pipe end, in the order the ends were given
 */
public record Fitting(FittingKind kind, MeshData mesh, double[] trims) {}
