/**
 * Indexed triangle meshes in a tile's local east-north-up frame (metres, counter-clockwise front
 * faces, normals pointing outward) and the builders that make them: swept profiles (circular pipes,
 * rectangular ducts and box culverts) with arcs at bends, network fittings (elbow, tee, cross,
 * reducer, cap), unit meshes for instanced assets (manhole, valve, hydrant), towers and antenna
 * panels, extruded parcels, and a clipper that cuts any mesh exactly at a tile's longitude/latitude
 * boundaries.
 */
package cn.lzxq.city.tiles.mesh;
