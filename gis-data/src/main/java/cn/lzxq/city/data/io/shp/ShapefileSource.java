package cn.lzxq.city.data.io.shp;

import cn.lzxq.city.data.gdal.Gdal;
import cn.lzxq.city.data.io.feature.FeatureRecord;
import cn.lzxq.city.data.io.feature.FeatureSource;
import cn.lzxq.city.data.io.geojson.GeoJsonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An ESRI shapefile ({@code .shp} with its {@code .shx}, {@code .dbf} and {@code .prj}), converted
 * by GDAL's {@code ogr2ogr} into a temporary GeoJSON file (deleted when the JVM exits) and read as
 * one. Feature numbers are the shapefile's record numbers. The CRS is the {@code .prj}'s EPSG code
 * when GDAL identifies one; otherwise GDAL reprojects to CGCS2000 (EPSG:4490). The DBF keeps 10
 * characters of a field name, so a column is read from its first 10 characters ({@code
 * building_code} from {@code building_c}). The DBF encoding comes from the {@code .cpg} file
 * (GDAL).
 */
public final class ShapefileSource implements FeatureSource {

  /** Longest DBF field name. */
  static final int DBF_NAME_LENGTH = 10;

  private final Path shp;
  private final GeoJsonSource converted;

  private ShapefileSource(Path shp, GeoJsonSource converted) {
    this.shp = shp;
    this.converted = converted;
  }

  /**
   * Converts a shapefile.
   *
   * @throws IOException naming the file: a missing companion file, no {@code .prj}, or GDAL's error
   */
  public static ShapefileSource open(Path shp) throws IOException {
    String name = shp.getFileName().toString();
    String base = name.substring(0, name.length() - 4);
    for (String ext : List.of(".shx", ".dbf", ".prj")) {
      if (companion(shp, base, ext) == null) {
        throw new IOException(
            name
                + ": "
                + base
                + ext
                + " is missing beside it"
                + (ext.equals(".prj") ? " (the CRS is unknown 缺少坐标系文件)" : " 缺少配套文件"));
      }
    }
    Path dir = Files.createTempDirectory("city-shp");
    dir.toFile().deleteOnExit();
    Path json = dir.resolve(base + ".geojson");
    json.toFile().deleteOnExit();
    try {
      String epsg = Gdal.run("gdalsrsinfo", "-o", "epsg", companion(shp, base, ".prj").toString());
      List<String> command =
          new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO"));
      if (!epsg.strip().matches("EPSG:\\d+")) {
        command.addAll(List.of("-t_srs", "EPSG:4490"));
      }
      command.addAll(List.of(json.toString(), shp.toString()));
      Gdal.run(command.toArray(String[]::new));
    } catch (Gdal.GdalException e) {
      throw new IOException(name + ": GDAL cannot read it as a shapefile (" + e.getMessage() + ")");
    }
    return new ShapefileSource(shp, GeoJsonSource.open(json));
  }

  /** The companion file of {@code base + ext} in either letter case, or null. */
  private static Path companion(Path shp, String base, String ext) {
    for (String e : List.of(ext, ext.toUpperCase(Locale.ROOT))) {
      Path p = shp.resolveSibling(base + e);
      if (Files.isReadable(p)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String source() {
    return shp.getFileName().toString();
  }

  @Override
  public int srid() {
    return converted.srid();
  }

  @Override
  public String layerName() {
    return converted.layerName();
  }

  @Override
  public String propertyName(String column) {
    return column.length() > DBF_NAME_LENGTH ? column.substring(0, DBF_NAME_LENGTH) : column;
  }

  @Override
  public void read(Consumer<FeatureRecord> sink) throws IOException {
    converted.read(sink);
  }
}
