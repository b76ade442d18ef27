package cn.lzxq.city.data.tileset;

import java.util.List;

/**
 * A tileset that cannot be registered: every problem found, each naming the file and the JSON
 * pointer (or the file) it is about. Nothing was written.
 */
public final class TilesetImportException extends Exception {

  private final List<String> problems;

  public TilesetImportException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public TilesetImportException(String problem) {
    this(List.of(problem));
  }

  /** The problems, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
