package cn.lzxq.city.server.ortho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.ortho.DomStore;
import cn.lzxq.city.data.ortho.DomStore.DomVersion;
import cn.lzxq.city.data.sample.NewAreaFrame;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The orthophoto layer over HTTP on the generated sample (its synthetic DOM, 4 m pixels): WMS
 * GetMap in the native CRS and in Web Mercator and WMTS tiles show, pixel for pixel, the image as
 * stored in {@code dom_tile} (decoded here, not through the server); a map before the image existed
 * is empty; the capabilities list it as not queryable and GetFeatureInfo refuses it.
 */
class WmsOrthophotoTest extends GeneratedSampleContextTest {

  private static final double WEB_MERCATOR_HALF = 20_037_508.342789244;

  private final Map<Long, BufferedImage> blocks = new HashMap<>();

  private String base() {
    return "http://localhost:" + port;
  }

  /**
   * A 256 × 256 map of 4 m pixels in EPSG:4544 aligned with the DOM's grid: every map pixel is the
   * stored pixel whose centre it shares (WMS 1.3.0: BBOX northing first).
   */
  @Test
  void aNativeMapAlignedWithTheGridIsTheStoredImage() throws Exception {
    DomVersion v = version();
    double p = v.pixelM();
    assertThat(p).isCloseTo(4.0, within(1e-6));
    double west = v.x0() + p * Math.floor((NewAreaFrame.CENTRE_X - 512 - v.x0()) / p);
    double north = v.y0() - p * Math.floor((v.y0() - NewAreaFrame.CENTRE_Y - 512) / p);
    double side = 256 * p;
    BufferedImage map =
        image(
            getMap(
                "EPSG:4544",
                String.format(
                    Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", north - side, west, north, west + side),
                ""));
    int opaque = 0;
    for (int j = 0; j < 256; j++) {
      for (int i = 0; i < 256; i++) {
        int stored = stored(v, west + (i + 0.5) * p, north - (j + 0.5) * p);
        assertThat(Integer.toHexString(map.getRGB(i, j)))
            .as("pixel %d %d", i, j)
            .isEqualTo(Integer.toHexString(stored));
        opaque += (stored >>> 24) == 255 ? 1 : 0;
      }
    }
    assertThat(opaque).as("the window lies inside the image").isEqualTo(256 * 256);
  }

  /**
   * A Web Mercator map (x = east) over the centre: at 300 random pixels the colour is the stored
   * pixel under the pixel's centre, projected by PostGIS (pixels within a tenth of a DOM pixel of a
   * DOM pixel's edge are left out: the map samples its lattice, not PostGIS, there).
   */
  @Test
  void aWebMercatorMapShowsTheStoredPixelUnderEachPixel() throws Exception {
    double[] c = toCrs(NewAreaFrame.CENTRE_X, NewAreaFrame.CENTRE_Y, 3857);
    double minx = c[0] - 600;
    double maxy = c[1] + 600;
    BufferedImage map =
        image(
            getMap(
                "EPSG:3857",
                String.format(
                    Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", minx, maxy - 1200, minx + 1200, maxy),
                ""));
    assertMatches(map, minx, maxy, 1200 / 256.0, 3857, 300);
  }

  /** A WMTS tile (WebMercatorQuad, level 16) over the centre shows the stored pixels too. */
  @Test
  void aWmtsTileShowsTheStoredImage() throws Exception {
    double[] c = toCrs(NewAreaFrame.CENTRE_X, NewAreaFrame.CENTRE_Y, 3857);
    int z = 16;
    double span = 2 * WEB_MERCATOR_HALF / (1 << z);
    long col = (long) Math.floor((c[0] + WEB_MERCATOR_HALF) / span);
    long row = (long) Math.floor((WEB_MERCATOR_HALF - c[1]) / span);
    HttpResponse<byte[]> r =
        bytes(
            base()
                + "/wmts/orthophoto/default/current/WebMercatorQuad/"
                + z
                + "/"
                + row
                + "/"
                + col
                + ".png");
    assertThat(r.statusCode()).isEqualTo(200);
    BufferedImage tile = ImageIO.read(new ByteArrayInputStream(r.body()));
    assertMatches(
        tile,
        -WEB_MERCATOR_HALF + col * span,
        WEB_MERCATOR_HALF - row * span,
        span / 256,
        3857,
        300);
  }

  /** The image is versioned: drawn as of a time before the sample was loaded, the map is empty. */
  @Test
  void aMapBeforeTheImportIsEmpty() throws Exception {
    String bbox =
        String.format(
            Locale.ROOT,
            "%.0f,%.0f,%.0f,%.0f",
            NewAreaFrame.CENTRE_Y - 500,
            NewAreaFrame.CENTRE_X - 500,
            NewAreaFrame.CENTRE_Y + 500,
            NewAreaFrame.CENTRE_X + 500);
    assertThat(opaquePixels(image(getMap("EPSG:4544", bbox, "&TIME=2020-01-01T00:00:00Z"))))
        .isZero();
    assertThat(opaquePixels(image(getMap("EPSG:4544", bbox, "")))).isEqualTo(256 * 256);
  }

  @Test
  void theLayerIsListedAsAnImageThatIsNotQueryable() throws Exception {
    String caps =
        Http.get(base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
    assertThat(caps).containsPattern("<Layer queryable=\"0\"[^>]*>\\s*<Name>orthophoto</Name>");
    String info =
        Http.get(
                base()
                    + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=orthophoto"
                    + "&QUERY_LAYERS=orthophoto&STYLES=&CRS=EPSG:4544&BBOX=4041300,383000,4042300,384000"
                    + "&WIDTH=100&HEIGHT=100&I=50&J=50&INFO_FORMAT=application/json&FORMAT=image/png")
            .body();
    assertThat(info).contains("LayerNotQueryable").contains("orthophoto");
  }

  private void assertMatches(
      BufferedImage map, double minx, double maxy, double res, int srid, int samples)
      throws Exception {
    DomVersion v = version();
    Random random = new Random(17);
    int compared = 0;
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 4544) g")) {
      for (int k = 0; k < samples; k++) {
        int i = random.nextInt(map.getWidth());
        int j = random.nextInt(map.getHeight());
        p.setDouble(1, minx + (i + 0.5) * res);
        p.setDouble(2, maxy - (j + 0.5) * res);
        p.setInt(3, srid);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          double x = rs.getDouble(1);
          double y = rs.getDouble(2);
          double fx = (x - v.x0()) / v.pixelM() % 1;
          double fy = (v.y0() - y) / v.pixelM() % 1;
          if (Math.min(fx, 1 - fx) < 0.1 || Math.min(fy, 1 - fy) < 0.1) {
            continue;
          }
          compared++;
          assertThat(Integer.toHexString(map.getRGB(i, j)))
              .as("pixel %d %d at %.2f %.2f", i, j, x, y)
              .isEqualTo(Integer.toHexString(stored(v, x, y)));
        }
      }
    }
    assertThat(compared).isGreaterThan(samples / 2);
  }

  private String getMap(String crs, String bbox, String extra) {
    return base()
        + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=orthophoto&STYLES=&CRS="
        + crs
        + "&BBOX="
        + bbox
        + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
        + extra;
  }

  private static BufferedImage image(String url) throws Exception {
    HttpResponse<byte[]> r = bytes(url);
    assertThat(r.statusCode()).as(url + "\n" + new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  private static int opaquePixels(BufferedImage image) {
    int n = 0;
    for (int j = 0; j < image.getHeight(); j++) {
      for (int i = 0; i < image.getWidth(); i++) {
        n += (image.getRGB(i, j) >>> 24) > 0 ? 1 : 0;
      }
    }
    return n;
  }

  private static HttpResponse<byte[]> bytes(String url) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static DomVersion version() throws Exception {
    try (Connection c = db.getConnection()) {
      return DomStore.at(c, null);
    }
  }

  private static double[] toCrs(double x, double y, int srid) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4544), ?) g")) {
      p.setDouble(1, x);
      p.setDouble(2, y);
      p.setInt(3, srid);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    }
  }

  /** The level-0 pixel of the stored image holding a native point, decoded from its block. */
  private int stored(DomVersion v, double x, double y) throws Exception {
    int col = (int) Math.floor((x - v.x0()) / v.pixelM());
    int row = (int) Math.floor((v.y0() - y) / v.pixelM());
    int t = v.tileSize();
    long key = ((long) (row / t) << 32) | (col / t);
    BufferedImage block = blocks.get(key);
    if (block == null) {
      try (Connection c = db.getConnection();
          PreparedStatement p =
              c.prepareStatement(
                  "SELECT png FROM dom_tile WHERE dom_id = ? AND level = 0 AND row = ? AND col = ?")) {
        p.setLong(1, v.id());
        p.setInt(2, row / t);
        p.setInt(3, col / t);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).as("block %d %d", row / t, col / t).isTrue();
          block = ImageIO.read(new ByteArrayInputStream(rs.getBytes(1)));
        }
      }
      blocks.put(key, block);
    }
    return block.getRGB(col % t, row % t);
  }
}
