package cn.lzxq.city.server.tiles3d.grid;

/**
 * Where a tiled layer's meshes can be, over all its versions.
 *
 * @param layer catalog layer name (pipe_js, pipe_point, base_station, zoning_parcel)
 * @param west west longitude, degrees (EPSG:4490)
 * @param south south latitude, degrees
 * @param east east longitude, degrees
 * @param north north latitude, degrees
 * @param groundMin lowest ground elevation, metres (1985 datum)
 * @param groundMax highest ground elevation, metres
 * @param relMin lowest mesh height relative to the ground, metres (negative below ground)
 * @param relMax highest mesh height relative to the ground, metres
 */
public record LayerExtent(
    String layer,
    double west,
    double south,
    double east,
    double north,
    double groundMin,
    double groundMax,
    double relMin,
    double relMax) {}
