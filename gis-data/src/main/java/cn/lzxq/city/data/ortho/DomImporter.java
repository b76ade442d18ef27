package cn.lzxq.city.data.ortho;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.gdal.Gdal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an orthophoto with GDAL into an {@link OrthoImage}: any raster GDAL opens (GeoTIFF,
 * JPEG2000, VRT, ...) with 8-bit bands — grey, grey + alpha, RGB or RGBA — in any CRS it declares
 * is warped with {@code gdalwarp} (bilinear, a destination alpha band marking no data) to the
 * native CRS, resolution kept, and checked: it must declare a CRS, be at most {@value
 * #MAX_PIXELS} pixels after warping and overlap the service area. Errors name the file as "file N
 * (path)".
 */
public final class DomImporter {

  /** Largest warped image, pixels (held in memory as ARGB). */
  static final long MAX_PIXELS = 64L * 1024 * 1024;

  private final ObjectMapper json = new ObjectMapper();

  /**
   * Reads and checks a file.
   *
   * @param file the raster
   * @param fileNo its number among the command's files (1-based), for messages
   * @param nativeSrid the EPSG code of the native CRS (the warp target)
   * @param area the service area the image must overlap
   */
  public OrthoImage read(Path file, int fileNo, int nativeSrid, ServiceArea area)
      throws DomImportException {
    String name = "file " + fileNo + " (" + file + ")";
    if (!Files.isRegularFile(file)) {
      throw new DomImportException(name + ": no such file");
    }
    Path dir = null;
    try {
      JsonNode info = info(file, name);
      String wkt = info.path("coordinateSystem").path("wkt").asString("");
      if (wkt.isBlank() || !info.has("geoTransform")) {
        throw new DomImportException(
            name
                + ": the raster has no coordinate reference system or georeferencing;"
                + " assign one (e.g. gdal_translate -a_srs EPSG:4544)");
      }
      checkBands(info.path("bands"), name);
      dir = Files.createTempDirectory("city-dom");
      Path warped = dir.resolve("dom.envi");
      run(
          name,
          "gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:" + nativeSrid, "-r", "bilinear",
          "-dstalpha", "-ot", "Byte", "-of", "ENVI", "-co", "INTERLEAVE=BIP",
          file.toString(), warped.toString());
      JsonNode out = info(warped, name);
      checkArea(out, name, area);
      return load(warped, out, name);
    } catch (IOException e) {
      throw new DomImportException(name + ": " + e.getMessage());
    } finally {
      Gdal.deleteTree(dir);
    }
  }

  private static void checkBands(JsonNode bands, String name) throws DomImportException {
    int n = bands.size();
    if (n < 1 || n > 4) {
      throw new DomImportException(
          name + ": " + n + " bands; an orthophoto has 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA)");
    }
    for (JsonNode b : bands) {
      String type = b.path("type").asString("");
      if (!type.equals("Byte")) {
        throw new DomImportException(
            name
                + ": band "
                + b.path("band").asInt()
                + " is "
                + type
                + ", not 8-bit; convert it first (gdal_translate -ot Byte -scale)");
      }
    }
  }

  private static void checkArea(JsonNode info, String name, ServiceArea area)
      throws DomImportException {
    double w = Double.MAX_VALUE, s = Double.MAX_VALUE, e = -Double.MAX_VALUE, n = -Double.MAX_VALUE;
    for (JsonNode p : info.path("wgs84Extent").path("coordinates").path(0)) {
      w = Math.min(w, p.get(0).asDouble());
      e = Math.max(e, p.get(0).asDouble());
      s = Math.min(s, p.get(1).asDouble());
      n = Math.max(n, p.get(1).asDouble());
    }
    if (e < area.minLon() || w > area.maxLon() || n < area.minLat() || s > area.maxLat()) {
      throw new DomImportException(
          String.format(
              Locale.ROOT,
              "%s: the image (%.4f..%.4f E, %.4f..%.4f N) lies outside the service area: wrong CRS declared?",
              name, w, e, s, n));
    }
  }

  private OrthoImage load(Path envi, JsonNode info, String name)
      throws IOException, DomImportException {
    JsonNode gt = info.get("geoTransform");
    int width = info.get("size").get(0).asInt();
    int height = info.get("size").get(1).asInt();
    if ((long) width * height > MAX_PIXELS) {
      throw new DomImportException(
          String.format(
              Locale.ROOT,
              "%s: %d × %d pixels after warping to the native CRS, more than %d; cut it into parts"
                  + " or lower its resolution (gdalwarp -tr)",
              name, width, height, MAX_PIXELS));
    }
    int bands = info.get("bands").size();
    byte[] bytes = Files.readAllBytes(envi);
    int[] argb = new int[width * height];
    for (int i = 0, k = 0; i < argb.length; i++, k += bands) {
      int r = bytes[k] & 0xff;
      int g = bands >= 3 ? bytes[k + 1] & 0xff : r;
      int b = bands >= 3 ? bytes[k + 2] & 0xff : r;
      int a = bytes[k + bands - 1] & 0xff;
      argb[i] = a << 24 | r << 16 | g << 8 | b;
    }
    double pixel = gt.get(1).asDouble();
    return new OrthoImage(gt.get(0).asDouble(), gt.get(3).asDouble(), pixel, width, height, argb);
  }

  private JsonNode info(Path file, String name) throws DomImportException, IOException {
    return json.readTree(run(name, "gdalinfo", "-json", file.toString()));
  }

  private static String run(String name, String... command) throws DomImportException, IOException {
    try {
      return Gdal.run(command);
    } catch (Gdal.GdalException e) {
      throw new DomImportException(name + ": GDAL cannot read it as an image (" + e.getMessage() + ")");
    }
  }
}
