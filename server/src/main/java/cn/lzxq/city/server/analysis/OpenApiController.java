package cn.lzxq.city.server.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAPI 3 document of the analysis API, kept by hand in {@code openapi/analysis.json}. */
@RestController
class OpenApiController {

  private final byte[] document;

  OpenApiController() {
    try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi/analysis.json")) {
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/api/openapi.json")
  ResponseEntity<byte[]> openapi() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
  }
}
