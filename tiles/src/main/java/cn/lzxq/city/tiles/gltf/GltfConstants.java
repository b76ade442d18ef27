package cn.lzxq.city.tiles.gltf;

/** Numeric constants of the glTF 2.0 specification and the extension names this library writes. */
public final class GltfConstants {

  public static final int BYTE = 5120;
  public static final int UNSIGNED_BYTE = 5121;
  public static final int SHORT = 5122;
  public static final int UNSIGNED_SHORT = 5123;
  public static final int UNSIGNED_INT = 5125;
  public static final int FLOAT = 5126;

  public static final int ARRAY_BUFFER = 34962;
  public static final int ELEMENT_ARRAY_BUFFER = 34963;

  public static final String KHR_MESH_QUANTIZATION = "KHR_mesh_quantization";
  public static final String EXT_MESH_FEATURES = "EXT_mesh_features";
  public static final String EXT_STRUCTURAL_METADATA = "EXT_structural_metadata";
  public static final String EXT_MESH_GPU_INSTANCING = "EXT_mesh_gpu_instancing";
  public static final String EXT_INSTANCE_FEATURES = "EXT_instance_features";

  /** The feature-ID vertex (or instance) attribute name of EXT_mesh_features. */
  public static final String FEATURE_ID_0 = "_FEATURE_ID_0";

  /** GLB header magic "glTF", little-endian. */
  public static final int GLB_MAGIC = 0x46546C67;

  /** GLB JSON chunk type. */
  public static final int CHUNK_JSON = 0x4E4F534A;

  /** GLB BIN chunk type. */
  public static final int CHUNK_BIN = 0x004E4942;

  private GltfConstants() {}
}
