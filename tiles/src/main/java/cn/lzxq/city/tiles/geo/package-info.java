/**
 * Geodesy for tile content: the WGS84 ellipsoid (CGCS2000 differs by less than a millimetre at the
 * surface), geodetic ↔ ECEF conversion, the local east-north-up (ENU) frame of a tile and small
 * vector and matrix values.
 *
 * <p>Units everywhere: longitude and latitude in degrees unless a name says radians, heights and
 * coordinates in metres. Matrices are 4×4, column-major, the order tileset.json {@code transform}
 * and glTF {@code node.matrix} use.
 */
package cn.lzxq.city.tiles.geo;
