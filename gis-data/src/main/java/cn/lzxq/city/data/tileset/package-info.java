/**
 * Registered 3D Tiles tilesets (oblique photogrammetry and other existing tilesets): structural
 * checks ({@link cn.lzxq.city.data.tileset.TilesetCheck}), placement in the city's frame and height
 * datum ({@link cn.lzxq.city.data.tileset.RootAdjustment}) and storage of the files as versions in
 * PostgreSQL ({@link cn.lzxq.city.data.tileset.TilesetRegistry}). Lengths in metres, angles in
 * degrees, heights ellipsoidal h = H(1985) + ζ unless named otherwise.
 */
package cn.lzxq.city.data.tileset;
