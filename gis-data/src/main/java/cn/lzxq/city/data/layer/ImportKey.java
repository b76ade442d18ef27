package cn.lzxq.city.data.layer;

import java.util.List;

/**
 * The columns that identify a feature across imports: an imported feature with the key of a current
 * one replaces it (a new version with the same fid).
 *
 * @param columns the key columns, in order
 * @param eitherDirection the key matches in either order (a pipe segment A→B is the segment B→A)
 */
public record ImportKey(List<String> columns, boolean eitherDirection) {

  public ImportKey {
    columns = List.copyOf(columns);
  }

  /** A key of these columns, matched in order. */
  public static ImportKey of(String... columns) {
    return new ImportKey(List.of(columns), false);
  }
}
