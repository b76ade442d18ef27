package cn.lzxq.city.server.maptiles;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The inputs of a {@code tiles-seed} job (JSON object, as {@code city tiles seed} writes it).
 *
 * @param layer a layer name, or {@code all} for the whole map
 * @param set tile matrix set id
 * @param minZoom first level
 * @param maxZoom last level
 * @param bbox west, south, east, north in CGCS2000 degrees
 * @param format {@code png}, {@code jpeg} (map tiles) or {@code mvt} (vector tiles)
 * @param asOf the as-of time, null for now
 */
record SeedRequest(
    String layer,
    String set,
    int minZoom,
    int maxZoom,
    double[] bbox,
    String format,
    Instant asOf) {

  /** Reads and checks the inputs; {@link IllegalArgumentException} names what is wrong. */
  static SeedRequest read(JsonNode in) {
    JsonNode box = in.path("bbox");
    if (!box.isArray() || box.size() != 4) {
      throw new IllegalArgumentException("bbox must be [west, south, east, north] in degrees");
    }
    double[] bbox = new double[4];
    for (int i = 0; i < 4; i++) {
      bbox[i] = box.get(i).asDouble();
    }
    if (!(bbox[0] < bbox[2] && bbox[1] < bbox[3])) {
      throw new IllegalArgumentException("bbox must have west < east and south < north");
    }
    int min = in.path("minZoom").asInt(-1);
    int max = in.path("maxZoom").asInt(-1);
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("minZoom and maxZoom must be levels with min <= max");
    }
    String format = in.path("format").asText("png");
    if (!format.equals("png") && !format.equals("jpeg") && !format.equals("mvt")) {
      throw new IllegalArgumentException("format must be png, jpeg or mvt");
    }
    String time = in.path("datetime").asText("");
    return new SeedRequest(
        in.path("layer").asText("all"),
        in.path("tileMatrixSet").asText("WebMercatorQuad"),
        min,
        max,
        bbox,
        format,
        time.isEmpty() ? null : Instant.parse(time));
  }
}
