package cn.lzxq.city.data.terrain;

import cn.lzxq.city.data.sample.NewAreaFrame;
import cn.lzxq.city.data.sample.RoadGrid;
import cn.lzxq.city.data.sample.SampleScale;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The sample's synthetic loess terrain: the ground surface every sample Z is measured from ({@link
 * NewAreaFrame#groundElevation}, rising north and east) plus loess relief — rounded ridges (梁峁) up
 * to about ±3.7 m and meandering gullies (冲沟) about 4 m deep — inside the blocks. The road
 * corridors are graded: within {@value #GRADED_M} m of a road centre the relief is zero, rising
 * smoothly to full over the next {@value #RAMP_M} m, so the DEM agrees with every surveyed point
 * along the roads. The relief has curvature below 0.03 per metre, so a 4 m grid represents it
 * within a few centimetres.
 *
 * <p>{@link #writeVrt} writes it as a GDAL raster (float32 raw grid + VRT in EPSG:4544) over the
 * sample's window and a margin, to be imported like any DEM.
 */
public final class SampleTerrain {

  /**
   * Half-width of the graded road corridor, metres from the road centre (red lines are at most 25
   * m).
   */
  static final double GRADED_M = 40;

  /** Width of the transition from graded to natural ground, metres. */
  static final double RAMP_M = 60;

  /** Margin of the DEM around the road grid, metres. */
  static final double MARGIN_M = 300;

  private SampleTerrain() {}

  /** Ground elevation of the DEM, metres (1985 datum), at an EPSG:4544 position. */
  public static double elevation(double x, double y) {
    return NewAreaFrame.groundElevation(x, y) + relief(x, y) * natural(x, y);
  }

  /** The loess relief, metres, before grading. */
  static double relief(double x, double y) {
    double dx = x - NewAreaFrame.CENTRE_X;
    double dy = y - NewAreaFrame.CENTRE_Y;
    double ridges =
        2.5 * Math.sin(2 * Math.PI * dx / 340 + 0.3) * Math.sin(2 * Math.PI * dy / 290 + 1.1)
            + 1.2 * Math.sin(2 * Math.PI * (dx + dy) / 520 + 2.0);
    double blockMiddle = (Math.floor(dy / RoadGrid.SPACING_M) + 0.5) * RoadGrid.SPACING_M;
    double gullyAxis = blockMiddle + 30 * Math.sin(2 * Math.PI * dx / 210 + dy / 97);
    double d = (dy - gullyAxis) / 22;
    return ridges - 4.0 * Math.exp(-d * d);
  }

  /** 0 on the graded road corridors, 1 on natural ground, a smooth step between. */
  static double natural(double x, double y) {
    double d = Math.min(offRoad(x - NewAreaFrame.CENTRE_X), offRoad(y - NewAreaFrame.CENTRE_Y));
    double t = Math.max(0, Math.min(1, (d - GRADED_M) / RAMP_M));
    return t * t * (3 - 2 * t);
  }

  private static double offRoad(double offset) {
    double r = Math.abs(offset % RoadGrid.SPACING_M);
    return Math.min(r, RoadGrid.SPACING_M - r);
  }

  /** Grid spacing of the sample DEM, metres. */
  static double pixelM(SampleScale scale) {
    return scale == SampleScale.LARGE ? 8 : 4;
  }

  /**
   * The grid of a scale's window (the sample's roads plus {@value #MARGIN_M} m): the DEM's, and the
   * sample orthophoto's.
   *
   * @param west easting of the west edge (EPSG:4544), metres
   * @param north northing of the north edge, metres
   * @param pixelM pixel size, metres
   * @param width columns
   * @param height rows
   */
  public record Window(double west, double north, double pixelM, int width, int height) {}

  /** The window of {@code scale}. */
  public static Window window(SampleScale scale) {
    double pixel = pixelM(scale);
    return new Window(
        NewAreaFrame.CENTRE_X - scale.halfColumns() * RoadGrid.SPACING_M - MARGIN_M,
        NewAreaFrame.CENTRE_Y + scale.halfRows() * RoadGrid.SPACING_M + MARGIN_M,
        pixel,
        (int) Math.ceil(2 * (scale.halfColumns() * RoadGrid.SPACING_M + MARGIN_M) / pixel),
        (int) Math.ceil(2 * (scale.halfRows() * RoadGrid.SPACING_M + MARGIN_M) / pixel));
  }

  /**
   * Writes the terrain of {@code scale}'s window as {@code dem.raw} + {@code dem.vrt} (EPSG:4544)
   * in {@code dir}; returns the VRT.
   */
  public static Path writeVrt(SampleScale scale, Path dir) throws IOException {
    Window window = window(scale);
    double pixel = window.pixelM();
    double west = window.west();
    double north = window.north();
    int width = window.width();
    int height = window.height();
    Path raw = dir.resolve("dem.raw");
    try (var out = Files.newOutputStream(raw)) {
      ByteBuffer row = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
      for (int r = 0; r < height; r++) {
        row.clear();
        double y = north - (r + 0.5) * pixel;
        for (int c = 0; c < width; c++) {
          row.putFloat((float) elevation(west + (c + 0.5) * pixel, y));
        }
        out.write(row.array());
      }
    }
    Path vrt = dir.resolve("dem.vrt");
    Files.writeString(
        vrt,
        String.format(
            Locale.ROOT,
            """
        <VRTDataset rasterXSize="%d" rasterYSize="%d">
          <SRS>EPSG:%d</SRS>
          <GeoTransform>%.3f, %.3f, 0, %.3f, 0, %.3f</GeoTransform>
          <VRTRasterBand dataType="Float32" band="1" subClass="VRTRawRasterBand">
            <SourceFilename relativeToVRT="1">dem.raw</SourceFilename>
            <ImageOffset>0</ImageOffset>
            <PixelOffset>4</PixelOffset>
            <LineOffset>%d</LineOffset>
            <ByteOrder>LSB</ByteOrder>
          </VRTRasterBand>
        </VRTDataset>
        """,
            width,
            height,
            NewAreaFrame.SRID,
            west,
            pixel,
            north,
            -pixel,
            4 * width),
        StandardCharsets.UTF_8);
    return vrt;
  }
}
