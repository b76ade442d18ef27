package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.encode.StreamedResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a WFS operation answers: HTTP status, content type and a body written straight to the
 * response stream (feature collections stream from their cursor while written).
 */
record WfsResponse(int status, String contentType, StreamedResponse.Body body) {

  /** A small XML document. */
  static WfsResponse xml(String document) {
    return new WfsResponse(
        200,
        "application/xml; charset=UTF-8",
        out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
  }
}
