package cn.lzxq.city.data.gdal;

import cn.lzxq.city.data.ServiceArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The checks every raster import (DEM, orthophoto) makes of a file through GDAL, each failure an
 * error of the importer's own type naming the file as "file N (path)": the file exists, GDAL reads
 * it ({@code gdalinfo -json}), it declares a CRS and a georeferencing, and it overlaps the service
 * area (a wrong CRS shows as "outside").
 *
 * @param <E> the importer's error
 */
public final class RasterInput<E extends Exception> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Function<String, E> error;

  /**
   * @param file the raster
   * @param fileNo its number among the command's files (1-based)
   * @param error makes the importer's error from a message
   */
  public RasterInput(Path file, int fileNo, Function<String, E> error) {
    this.name = "file " + fileNo + " (" + file + ")";
    this.error = error;
  }

  /** The error "file N (path): message". */
  public E error(String message) {
    return error.apply(name + ": " + message);
  }

  /**
   * {@code gdalinfo -json} of the input file, checked: it exists, GDAL reads it as a raster, and it
   * has a CRS and a geotransform.
   */
  public JsonNode georeferenced(Path file) throws E, IOException {
    if (!Files.isRegularFile(file)) {
      throw error("no such file");
    }
    JsonNode info = info(file);
    String wkt = info.path("coordinateSystem").path("wkt").asString("");
    if (wkt.isBlank() || !info.has("geoTransform")) {
      throw error(
          "the raster has no coordinate reference system or georeferencing;"
              + " assign one (e.g. gdal_translate -a_srs EPSG:4544)");
    }
    return info;
  }

  /** {@code gdalinfo -json} of a file (the input or one made from it). */
  public JsonNode info(Path file) throws E, IOException {
    return JSON.readTree(run("gdalinfo", "-json", file.toString()));
  }

  /** Runs a GDAL command on the input; returns its standard output. */
  public String run(String... command) throws E, IOException {
    try {
      return Gdal.run(command);
    } catch (Gdal.GdalException e) {
      throw error("GDAL cannot read it as a raster (" + e.getMessage() + ")");
    }
  }

  /**
   * Refuses a raster whose longitude/latitude box (degrees) misses the service area.
   *
   * @param box west, south, east, north
   */
  public void requireInside(double[] box, ServiceArea area) throws E {
    if (box[2] < area.minLon()
        || box[0] > area.maxLon()
        || box[3] < area.minLat()
        || box[1] > area.maxLat()) {
      throw error(
          String.format(
              Locale.ROOT,
              "the raster (%.4f..%.4f E, %.4f..%.4f N) lies outside the service area:"
                  + " wrong CRS declared?",
              box[0],
              box[2],
              box[1],
              box[3]));
    }
  }

  /** The longitude/latitude box (west, south, east, north) of {@code gdalinfo -json}'s output. */
  public static double[] lonLatBox(JsonNode info) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (JsonNode p : info.path("wgs84Extent").path("coordinates").path(0)) {
      box[0] = Math.min(box[0], p.get(0).asDouble());
      box[1] = Math.min(box[1], p.get(1).asDouble());
      box[2] = Math.max(box[2], p.get(0).asDouble());
      box[3] = Math.max(box[3], p.get(1).asDouble());
    }
    return box;
  }
}
