package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.terrain.SampleTerrain;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sample's stand-in orthophoto — synthetic, not imagery: the DEM's window and grid, loess
 * ground tinted by the land use of the zoning parcels (GB 50137 colours, lightened), road red lines
 * grey, buildings' roofs light grey, all shaded by the relief of {@link SampleTerrain} (sun from
 * the north-west, 45° high). Written as {@code dom.raw} (RGB, pixel-interleaved) + {@code dom.vrt}
 * (EPSG:4544) for the orthophoto importer.
 */
public final class SampleOrthophoto {

  /** What the layer's version says the image is. */
  public static final String NOTE =
      "synthetic stand-in: shaded relief of the sample DEM tinted by land use, not aerial imagery";

  private static final Color LOESS = new Color(0xcdb98f);
  private static final Color ROAD = new Color(0x8e8e8e);
  private static final Color ROOF = new Color(0xd8d8d8);

  private SampleOrthophoto() {}

  /** Writes the image of {@code sample}'s window into {@code dir}; returns the VRT. */
  public static Path writeVrt(SampleGenerator sample, Path dir) throws IOException {
    SampleTerrain.Window w = SampleTerrain.window(sample.scale());
    BufferedImage image = new BufferedImage(w.width(), w.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(LOESS);
    g.fillRect(0, 0, w.width(), w.height());
    g.transform(
        new AffineTransform(
            1 / w.pixelM(), 0, 0, -1 / w.pixelM(), -w.west() / w.pixelM(), w.north() / w.pixelM()));
    sample.parcels(
        z -> {
          Parcel p = z.parcel();
          g.setColor(tint(p.use()));
          g.fill(new Rectangle2D.Double(p.x0(), p.y0(), p.x1() - p.x0(), p.y1() - p.y0()));
        });
    g.setColor(ROAD);
    sample.roads(r -> g.fill(path(r.redLine())));
    g.setColor(ROOF);
    sample.buildings(b -> g.fill(path(b.ring())));
    g.dispose();
    Path raw = dir.resolve("dom.raw");
    try (OutputStream out = Files.newOutputStream(raw)) {
      byte[] row = new byte[3 * w.width()];
      // the terrain once per pixel centre, three rows at a time: a pixel's shade reads the centres
      // of its four neighbours (the loess relief is most of the load's time otherwise)
      double[] north = elevations(w, -1);
      double[] centre = elevations(w, 0);
      for (int r = 0; r < w.height(); r++) {
        double[] south = elevations(w, r + 1);
        for (int c = 0; c < w.width(); c++) {
          double light =
              0.55 + 0.45 * shade(centre[c], centre[c + 2], south[c + 1], north[c + 1], w.pixelM());
          int rgb = image.getRGB(c, r);
          for (int k = 0; k < 3; k++) {
            int v = (int) Math.round(((rgb >> (16 - 8 * k)) & 0xff) * light);
            row[3 * c + k] = (byte) Math.min(255, v);
          }
        }
        out.write(row);
        north = centre;
        centre = south;
      }
    }
    Path vrt = dir.resolve("dom.vrt");
    StringBuilder bands = new StringBuilder();
    for (int b = 0; b < 3; b++) {
      bands.append(
          String.format(
              Locale.ROOT,
              """
                <VRTRasterBand dataType="Byte" band="%d" subClass="VRTRawRasterBand">
                  <ColorInterp>%s</ColorInterp>
                  <SourceFilename relativeToVRT="1">dom.raw</SourceFilename>
                  <ImageOffset>%d</ImageOffset>
                  <PixelOffset>3</PixelOffset>
                  <LineOffset>%d</LineOffset>
                </VRTRasterBand>
              """,
              b + 1,
              List.of("Red", "Green", "Blue").get(b),
              b,
              3 * w.width()));
    }
    Files.writeString(
        vrt,
        String.format(
                Locale.ROOT,
                """
            <VRTDataset rasterXSize="%d" rasterYSize="%d">
              <SRS>EPSG:%d</SRS>
              <GeoTransform>%.3f, %.3f, 0, %.3f, 0, %.3f</GeoTransform>
            """,
                w.width(),
                w.height(),
                NewAreaFrame.SRID,
                w.west(),
                w.pixelM(),
                w.north(),
                -w.pixelM())
            + bands
            + "</VRTDataset>\n",
        StandardCharsets.UTF_8);
    return vrt;
  }

  /**
   * The terrain heights (metres) at the centres of pixel row {@code r} (-1 and {@code height}: the
   * rows just outside), columns -1..{@code width}.
   */
  private static double[] elevations(SampleTerrain.Window w, int r) {
    double y = w.north() - (r + 0.5) * w.pixelM();
    double[] heights = new double[w.width() + 2];
    for (int c = -1; c <= w.width(); c++) {
      heights[c + 1] = SampleTerrain.elevation(w.west() + (c + 0.5) * w.pixelM(), y);
    }
    return heights;
  }

  /**
   * Lambertian shade (0..1) of the terrain at a point from the heights {@code step} metres west,
   * east, south and north of it; sun azimuth 315°, altitude 45°.
   */
  static double shade(double west, double east, double south, double north, double step) {
    double dzdx = (east - west) / (2 * step);
    double dzdy = (north - south) / (2 * step);
    double[] n = {-dzdx, -dzdy, 1};
    double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + 1);
    double[] sun = {-Math.sqrt(0.25), Math.sqrt(0.25), Math.sqrt(0.5)};
    return Math.max(0, (n[0] * sun[0] + n[1] * sun[1] + n[2] * sun[2]) / len);
  }

  /** A light tint of the GB 50137 colour of a land use's major class. */
  static Color tint(LandUse use) {
    int rgb =
        switch (use.code().charAt(0)) {
          case 'R' -> 0xf6e7a1;
          case 'A' -> 0xf2b7c6;
          case 'B' -> 0xf2a6a0;
          case 'M' -> 0xc8a98a;
          case 'W' -> 0xc9b2d6;
          case 'U' -> 0x9fc4e0;
          case 'G' -> 0x8fc68a;
          default -> 0xcdb98f;
        };
    return new Color(rgb);
  }

  private static Path2D path(List<Xyz> ring) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(ring.get(0).x(), ring.get(0).y());
    for (Xyz v : ring.subList(1, ring.size())) {
      p.lineTo(v.x(), v.y());
    }
    p.closePath();
    return p;
  }
}
