package cn.lzxq.city.server.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * What a WFS operation answers: HTTP status, content type and a body written straight to the
 * response stream (feature collections stream from their cursor while written).
 */
record WfsResponse(int status, String contentType, Body body) {

  /** Writes the body. */
  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException, SQLException;
  }

  /** A small XML document. */
  static WfsResponse xml(String document) {
    return new WfsResponse(200, "application/xml; charset=UTF-8", out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
  }
}
