package cn.lzxq.city.data.ortho;

/** An orthophoto file that cannot be imported; the message names the file as "file N (path)". */
public final class DomImportException extends Exception {

  public DomImportException(String message) {
    super(message);
  }
}
