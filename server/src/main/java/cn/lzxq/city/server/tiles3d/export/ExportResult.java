package cn.lzxq.city.server.tiles3d.export;

/**
 * What an export wrote.
 *
 * @param contents tile contents (GLB files)
 * @param subtrees subtree files
 * @param features features in the tileset (each counted once)
 * @param bytes bytes of all GLB files
 * @param medianGlb median GLB size in bytes
 * @param seconds wall-clock time
 */
public record ExportResult(
    long contents, long subtrees, long features, long bytes, long medianGlb, double seconds) {

  /** Features per second. */
  public double featuresPerSecond() {
    return features / Math.max(seconds, 1e-9);
  }
}
