package cn.lzxq.city.server.wms;

import static cn.lzxq.city.server.wms.WmsFixture.bbox;
import static cn.lzxq.city.server.wms.WmsFixture.get;
import static cn.lzxq.city.server.wms.WmsFixture.image;
import static cn.lzxq.city.server.wms.WmsFixture.water;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.crs.CrsRef;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients: GDAL from Debian (gdal-bin) reads the capabilities and a map through its WMS
 * driver; the requests OpenLayers' ImageWMS/TileWMS send (1.3.0, EPSG:3857 and EPSG:4490 with its
 * latitude-first BBOX, HiDPI with FORMAT_OPTIONS=dpi) replay with pixel checks.
 */
class WmsClientsTest extends WmsContextTest {

  @TempDir Path dir;

  private String run(String... command) throws Exception {
    Process p;
    try {
      ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
      b.environment().put("CPL_DEBUG", "ON");
      p = b.start();
    } catch (IOException e) {
      return fail(command[0] + " is not installed: install the Debian package gdal-bin", e);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }

  @Test
  void gdalinfoListsOurLayersFromTheCapabilities() throws Exception {
    String out =
        run(
            "gdalinfo",
            "WMS:http://localhost:"
                + port
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
    assertThat(out)
        .contains("SUBDATASET_1_NAME=WMS:")
        .contains("LAYERS=pipe_js")
        .contains("LAYERS=zoning_parcel")
        .contains("给水管线");
  }

  @Test
  void gdalTranslateDrawsTheKnownPipeWhereItIs() throws Exception {
    // A GDAL WMS service description as GDAL writes it for a 1.3.0 EPSG:4326 layer: the data window
    // is x = longitude, and BBoxOrder yxYX makes the driver send latitude first.
    String xml =
        "<GDAL_WMS><Service name=\"WMS\"><Version>1.3.0</Version><ServerUrl>http://localhost:"
            + port
            + "/wms?</ServerUrl><CRS>EPSG:4326</CRS><ImageFormat>image/png</ImageFormat><Layers>pipe_js</Layers>"
            + "<Transparent>TRUE</Transparent><BBoxOrder>yxYX</BBoxOrder></Service><DataWindow><UpperLeftX>"
            + WmsFixture.MIN_LON
            + "</UpperLeftX>"
            + "<UpperLeftY>"
            + WmsFixture.MAX_LAT
            + "</UpperLeftY><LowerRightX>"
            + WmsFixture.MAX_LON
            + "</LowerRightX>"
            + "<LowerRightY>"
            + WmsFixture.MIN_LAT
            + "</LowerRightY><SizeX>256</SizeX><SizeY>256</SizeY></DataWindow>"
            + "<BandsCount>4</BandsCount><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY></GDAL_WMS>";
    Path description = dir.resolve("pipe_js.xml");
    Files.writeString(description, xml);
    File png = dir.resolve("pipe.png").toFile();
    List<String> cmd =
        new ArrayList<>(
            List.of("gdal_translate", "-of", "PNG", description.toString(), png.getPath()));
    String log = run(cmd.toArray(String[]::new));
    BufferedImage image = ImageIO.read(png);
    double[] d = water(image);
    assertThat(d[0]).as("pipe pixels through GDAL\n" + log).isGreaterThan(100);
    assertThat(d[1]).isCloseTo(160, offset(4.0));
    assertThat(d[2]).isCloseTo(128, offset(4.0));
    Files.deleteIfExists(png.toPath());
  }

  /** What ol/source/TileWMS sends (serverType geoserver, hidpi) for one 256-pixel tile. */
  private String openLayers(CrsRef crs, int size, String dpi) throws Exception {
    return "http://localhost:"
        + port
        + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image%2Fpng"
        + "&TRANSPARENT=true&LAYERS=pipe_js&TILED=true&STYLES=&WIDTH="
        + size
        + "&HEIGHT="
        + size
        + "&CRS="
        + crs.code().replace(":", "%3A")
        + "&BBOX="
        + bbox(db, crs).replace(",", "%2C")
        + dpi;
  }

  @Test
  void openLayersTilesInWebMercatorAndCgcs2000AndHiDpi() throws Exception {
    double[] mercator = water(image(get(openLayers(CrsRef.epsg(3857), 256, ""))));
    double[] cgcs = water(image(get(openLayers(CrsRef.epsg(4490), 256, ""))));
    double[] hidpi =
        water(image(get(openLayers(CrsRef.epsg(3857), 512, "&FORMAT_OPTIONS=dpi%3A181"))));
    assertThat(mercator[1]).isCloseTo(160, offset(2.0));
    assertThat(mercator[2]).isCloseTo(128, offset(2.0));
    assertThat(cgcs[1]).isCloseTo(mercator[1], offset(1.5));
    assertThat(cgcs[2]).isCloseTo(mercator[2], offset(1.5));
    assertThat(hidpi[1])
        .as("HiDPI: same place at twice the pixels")
        .isCloseTo(2 * mercator[1], offset(3.0));
    assertThat(hidpi[2]).isCloseTo(2 * mercator[2], offset(3.0));
    assertThat(hidpi[6] - hidpi[4])
        .as("and lines twice as thick")
        .isGreaterThan(mercator[6] - mercator[4] + 1);
  }
}
