/**
 * glTF 2.0 binary (GLB) writing for 3D Tiles 1.1 content.
 *
 * <ul>
 *   <li>{@link cn.lzxq.city.tiles.gltf.GlbBuilder}: buffer views (8-byte aligned), accessors, GLB
 *       container with 4-byte aligned JSON (space padded) and BIN (zero padded) chunks.
 *   <li>{@link cn.lzxq.city.tiles.gltf.ContentWriter}: whole tile contents: the root node carries
 *       the tile's ENU→ECEF transform (pre-multiplied by the z-up→y-up rotation glTF needs), child
 *       nodes carry the KHR_mesh_quantization dequantization (translation + scale) of one spatial
 *       chunk of at most {@value cn.lzxq.city.tiles.gltf.ContentWriter#CHUNK_METRES} m, positions
 *       are normalized SHORT, normals normalized BYTE, indices UNSIGNED_SHORT or UNSIGNED_INT;
 *       EXT_mesh_features ({@code _FEATURE_ID_0}), EXT_structural_metadata (one property table per
 *       feature class, typed columns, {@code noData} for nulls), PBR materials, and
 *       EXT_mesh_gpu_instancing + EXT_instance_features for repeated assets.
 * </ul>
 *
 * <p>Why the transform lives in the glTF node and not in tileset.json: with implicit tiling only
 * the root tile may carry a {@code transform}, yet every tile needs its own centre so that vertex
 * coordinates stay small; CesiumJS composes node matrices in double precision, so the ECEF
 * translation in the node loses nothing.
 *
 * <p>Not done: EXT_meshopt_compression. No pure-Java meshoptimizer encoder exists on Maven Central
 * (the reference encoder is C++; Java access goes through native bindings such as LWJGL's, which
 * this no-native library avoids), and writing a bit-exact port of the vertex and index codecs is a
 * project of its own. Quantization already shrinks vertices from 28 to 16 bytes; HTTP gzip/brotli
 * compression on top is the server's job.
 *
 * <p>Output is deterministic: the same input gives the same bytes.
 */
package cn.lzxq.city.tiles.gltf;
