package cn.lzxq.city.data.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planted defects of a sample (manifest.json), each with the features involved, the rule it
 * breaks, the designed and required values and where it is. Everything not listed here is clean: no
 * other clearance, cover, site-spacing or EMF-distance rule is broken.
 *
 * @param scale the scale id (small, city, large)
 * @param seed the seed
 * @param srid EPSG code of the coordinates (4544)
 * @param defects the planted defects, in a fixed order
 */
public record SampleManifest(String scale, long seed, int srid, List<PlantedDefect> defects) {

  /** The file name next to the COPY files. */
  public static final String FILE = "manifest.json";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The defect with an id. */
  public PlantedDefect defect(String id) {
    return defects.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no defect " + id));
  }

  /** The defects of a kind. */
  List<PlantedDefect> ofKind(String kind) {
    return defects.stream().filter(d -> d.kind().equals(kind)).toList();
  }

  /** The manifest as JSON text (UTF-8, indented, fields in declaration order). */
  public String toJson() {
    return JSON.writeValueAsString(this);
  }

  /** Reads a manifest.json. */
  public static SampleManifest read(Path file) {
    try {
      return JSON.readValue(Files.readString(file), SampleManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
