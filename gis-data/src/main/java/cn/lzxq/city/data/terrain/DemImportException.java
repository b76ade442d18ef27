package cn.lzxq.city.data.terrain;

/**
 * A DEM file that cannot be imported; the message names the file by number and path. Nothing was
 * written.
 */
public final class DemImportException extends Exception {

  public DemImportException(String message) {
    super(message);
  }
}
