package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.mesh.MeshData;

/**
 * The geometry of one feature with one material.
 *
 * @param table index of the feature table (property table) the feature belongs to
 * @param feature feature ID: row in that table
 * @param material index into the content's material list
 * @param mesh triangles in the tile's local ENU frame (metres)
 */
public record MeshPart(int table, int feature, int material, MeshData mesh) {}
