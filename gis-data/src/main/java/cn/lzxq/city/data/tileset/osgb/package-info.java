/**
 * OSGB (OpenSceneGraph binary, the oblique-photogrammetry delivery of Chinese survey vendors) to 3D
 * Tiles through OpenSceneGraph's {@code osgconv}: the PagedLOD tree from the {@code .osgt} text,
 * the geometry and textures through OBJ + MTL to glb. Coordinates stay in the data's local frame
 * (metres, z up); placement is the registration's.
 */
package cn.lzxq.city.data.tileset.osgb;
