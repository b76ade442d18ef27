package cn.lzxq.city.data.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipe_wall rows (V65) as the generator reads them from the migration: outside diameter and
 * wall thickness (mm) by material, series (depth_ref) and DN, so that the sample is laid outer wall
 * to outer wall by the same numbers the analyses measure with ({@code pipe_section()}): the row of
 * the size, else the material's SDR series (DN is the outside diameter, wall = DN / SDR), else DN
 * as the outside diameter and no wall.
 */
final class PipeWalls {

  /** The migration that seeds pipe_wall. */
  static final String MIGRATION = "db/migration/V65__pipe_walls.sql";

  private static final PipeWalls SEEDED = new PipeWalls(SqlRows.resource(MIGRATION));

  /** Outside diameter and wall thickness, millimetres. */
  record Section(double outerMm, double wallMm) {}

  private final Map<String, Section> sizes = new HashMap<>();
  private final Map<String, Double> sdr = new HashMap<>();

  private PipeWalls(String script) {
    for (SqlRows.Row r : SqlRows.rows(script, "pipe_wall", List.of())) {
      String key = r.text("material") + "/" + r.text("depth_ref");
      if (r.integer("dn_mm") == null) {
        sdr.put(key, r.number("sdr"));
      } else {
        sizes.put(
            key + "/" + r.integer("dn_mm"), new Section(r.number("outer_mm"), r.number("wall_mm")));
      }
    }
  }

  /** The seeded table. */
  static PipeWalls seeded() {
    return SEEDED;
  }

  /** The section of a round pipe of a material, series (top or invert) and DN. */
  Section of(String material, String depthRef, int dnMm) {
    String key = material + "/" + depthRef;
    Section s = sizes.get(key + "/" + dnMm);
    if (s != null) {
      return s;
    }
    Double ratio = sdr.get(key);
    return new Section(dnMm, ratio == null ? 0 : dnMm / ratio);
  }
}
