package cn.lzxq.city.data.terrain;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.gdal.Gdal;
import cn.lzxq.city.data.gdal.RasterInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Reads a DEM file with GDAL into a {@link DemRaster}: any raster GDAL opens (GeoTIFF, VRT, ASCII
 * grid, ...) in any CRS it declares is warped with {@code gdalwarp} (bilinear) to CGCS2000
 * longitude/latitude (EPSG:4490), band 1, and checked: it must declare a CRS, hold heights, and lie
 * in the service area. Ellipsoidal heights become 1985 normal heights {@code H = h − ζ}. Errors
 * name the file as "file N (path)".
 */
public final class DemImporter {

  /** Heights outside this range (metres) are taken for a unit or no-data error. */
  static final double LOWEST_M = -500;

  static final double HIGHEST_M = 9_000;

  /**
   * Reads and checks a file.
   *
   * @param file the raster
   * @param fileNo its number among the files of the command (1-based), for messages
   * @param reference what its heights are measured from
   * @param anomalyM ζ in metres, used for ellipsoidal heights
   * @param area the service area the DEM must overlap
   */
  public DemRaster read(
      Path file, int fileNo, HeightReference reference, double anomalyM, ServiceArea area)
      throws DemImportException {
    RasterInput<DemImportException> in = new RasterInput<>(file, fileNo, DemImportException::new);
    Path dir = null;
    try {
      in.georeferenced(file);
      dir = Files.createTempDirectory("city-dem");
      Path warped = dir.resolve("dem.envi");
      in.run(
          "gdalwarp",
          "-q",
          "-overwrite",
          "-t_srs",
          "EPSG:4490",
          "-r",
          "bilinear",
          "-ot",
          "Float32",
          "-dstnodata",
          "nan",
          "-of",
          "ENVI",
          file.toString(),
          warped.toString());
      DemRaster raster = load(warped, in.info(warped), reference, anomalyM);
      check(raster, in, area);
      return raster;
    } catch (IOException e) {
      throw in.error(e.getMessage());
    } finally {
      Gdal.deleteTree(dir);
    }
  }

  private DemRaster load(Path envi, JsonNode info, HeightReference reference, double anomalyM)
      throws IOException {
    JsonNode gt = info.get("geoTransform");
    int width = info.get("size").get(0).asInt();
    int height = info.get("size").get(1).asInt();
    DemGrid grid =
        new DemGrid(
            gt.get(0).asDouble(),
            gt.get(3).asDouble(),
            gt.get(1).asDouble(),
            -gt.get(5).asDouble(),
            width,
            height);
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(envi)).order(ByteOrder.LITTLE_ENDIAN);
    float[] heights = new float[width * height];
    float shift = reference == HeightReference.ELLIPSOIDAL ? (float) anomalyM : 0f;
    for (int i = 0; i < heights.length; i++) {
      heights[i] = bytes.getFloat() - shift;
    }
    return new DemRaster(grid, heights);
  }

  private static void check(DemRaster raster, RasterInput<DemImportException> in, ServiceArea area)
      throws DemImportException {
    double[] range = raster.range();
    if (Double.isNaN(range[0])) {
      throw in.error("the raster holds no heights (every pixel is no-data)");
    }
    if (range[0] < LOWEST_M || range[1] > HIGHEST_M) {
      throw in.error(
          String.format(
              java.util.Locale.ROOT,
              "heights %.1f .. %.1f m are outside %.0f .. %.0f m: not metres, or no-data not declared",
              range[0],
              range[1],
              LOWEST_M,
              HIGHEST_M));
    }
    DemGrid g = raster.grid();
    in.requireInside(new double[] {g.west(), g.south(), g.east(), g.north()}, area);
  }
}
