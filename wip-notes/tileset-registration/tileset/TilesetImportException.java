package cn.lzxq.city.data.tileset;

/** A tileset folder that cannot be registered; the message names the folder or file. */
public final class TilesetImportException extends Exception {

  public TilesetImportException(String message) {
    super(message);
  }
}
