package cn.lzxq.city.data.ortho;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.gdal.Gdal;
import cn.lzxq.city.data.gdal.RasterInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads an orthophoto with GDAL into a {@link DomRaster}: any raster GDAL opens (GeoTIFF, JPEG2000,
 * VRT, ...) with 8-bit bands — grey, grey + alpha, RGB or RGBA — in any CRS it declares is warped
 * to the native CRS ({@code gdalwarp}, bilinear, resolution kept, an alpha band marking no data),
 * checked (a CRS, at most {@value #MAX_PIXELS} pixels after warping, overlapping the service area:
 * all known from the warp's VRT before any pixel is computed), then written with its pyramid
 * ({@code gdal_translate -r average}). Errors name the file as "file N (path)".
 */
public final class DomImporter {

  /** Largest warped image, pixels (about 4 bytes each on disk while importing). */
  static final long MAX_PIXELS = 400L * 1000 * 1000;

  /**
   * Reads and checks a file; the caller closes the raster.
   *
   * @param file the raster
   * @param fileNo its number among the command's files (1-based), for messages
   * @param nativeSrid the EPSG code of the native CRS (the warp target)
   * @param area the service area the image must overlap
   */
  public DomRaster read(Path file, int fileNo, int nativeSrid, ServiceArea area)
      throws DomImportException {
    RasterInput<DomImportException> in = new RasterInput<>(file, fileNo, DomImportException::new);
    Path dir = null;
    try {
      checkBands(in.georeferenced(file).path("bands"), in);
      dir = Files.createTempDirectory("city-dom");
      Path vrt = dir.resolve("warp.vrt");
      in.run(
          "gdalwarp",
          "-q",
          "-overwrite",
          "-of",
          "VRT",
          "-t_srs",
          "EPSG:" + nativeSrid,
          "-r",
          "bilinear",
          "-dstalpha",
          file.toString(),
          vrt.toString());
      JsonNode warped = in.info(vrt);
      int width = warped.path("size").get(0).asInt();
      int height = warped.path("size").get(1).asInt();
      if ((long) width * height > MAX_PIXELS) {
        throw in.error(
            String.format(
                Locale.ROOT,
                "%d × %d pixels after warping to the native CRS, more than %d;"
                    + " lower its resolution (gdalwarp -tr)",
                width,
                height,
                MAX_PIXELS));
      }
      in.requireInside(RasterInput.lonLatBox(warped), area);
      DomRaster raster = pyramid(in, dir, vrt, warped, width, height);
      dir = null;
      return raster;
    } catch (IOException e) {
      throw in.error(e.getMessage());
    } finally {
      Gdal.deleteTree(dir);
    }
  }

  /** Level 0 from the warp, then each level averaged from the previous one. */
  private static DomRaster pyramid(
      RasterInput<DomImportException> in, Path dir, Path vrt, JsonNode warped, int w, int h)
      throws DomImportException, IOException {
    List<DomRaster.Level> levels = new ArrayList<>();
    Path level = dir.resolve("level0.raw");
    in.run(
        "gdal_translate",
        "-q",
        "-of",
        "ENVI",
        "-co",
        "INTERLEAVE=BIP",
        vrt.toString(),
        level.toString());
    levels.add(new DomRaster.Level(level, w, h));
    while (Math.max(w, h) > DomStore.TILE_SIZE) {
      w = (w + 1) / 2;
      h = (h + 1) / 2;
      Path next = dir.resolve("level" + levels.size() + ".raw");
      in.run(
          "gdal_translate",
          "-q",
          "-of",
          "ENVI",
          "-co",
          "INTERLEAVE=BIP",
          "-r",
          "average",
          "-outsize",
          String.valueOf(w),
          String.valueOf(h),
          level.toString(),
          next.toString());
      levels.add(new DomRaster.Level(next, w, h));
      level = next;
    }
    JsonNode gt = warped.get("geoTransform");
    return new DomRaster(
        dir,
        gt.get(0).asDouble(),
        gt.get(3).asDouble(),
        gt.get(1).asDouble(),
        levels,
        warped.path("bands").size());
  }

  /** Grey, grey + alpha, RGB or RGBA, 8 bits, no palette. */
  private static void checkBands(JsonNode bands, RasterInput<DomImportException> in)
      throws DomImportException {
    int n = bands.size();
    if (n < 1 || n > 4) {
      throw in.error(
          n + " bands; an orthophoto has 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA)");
    }
    for (JsonNode b : bands) {
      String type = b.path("type").asString("");
      if (!type.equals("Byte")) {
        throw in.error(
            "band "
                + b.path("band").asInt()
                + " is "
                + type
                + ", not 8-bit; convert it first (gdal_translate -ot Byte -scale)");
      }
    }
    String first = bands.get(0).path("colorInterpretation").asString("");
    if (first.equals("Palette")) {
      throw in.error("band 1 is a palette; expand it first (gdal_translate -expand rgba)");
    }
    String last = bands.get(n - 1).path("colorInterpretation").asString("");
    if ((n == 2 || n == 4) && !last.equals("Alpha")) {
      throw in.error(
          "band "
              + n
              + " of "
              + n
              + " is "
              + last
              + ", not alpha; mark it as alpha"
              + " (gdal_translate -colorinterp_"
              + n
              + " alpha) or drop it (-b)");
    }
  }
}
