package cn.lzxq.city.server.wms;

import static cn.lzxq.city.server.wms.WmsFixture.bbox;
import static cn.lzxq.city.server.wms.WmsFixture.drawn;
import static cn.lzxq.city.server.wms.WmsFixture.get;
import static cn.lzxq.city.server.wms.WmsFixture.image;
import static cn.lzxq.city.server.wms.WmsFixture.rgb;
import static cn.lzxq.city.server.wms.WmsFixture.water;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.server.wms.render.CanvasPool;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GetMap over HTTP: formats, transparency, every served CRS and its axis order, TIME, styles,
 * labels, DPI, filters.
 */
class WmsGetMapTest extends WmsContextTest {

  @Autowired CanvasPool canvases;

  private String map(String layers, CrsRef crs, String extra) throws Exception {
    return "http://localhost:"
        + port
        + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
        + layers
        + "&STYLES=&CRS="
        + crs.code()
        + "&BBOX="
        + bbox(db, crs)
        + "&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
        + extra;
  }

  @Test
  void theSameAreaInCrs84Epsg4490Epsg4544AndEpsg3857DrawsTheKnownPipeAtTheSamePixels()
      throws Exception {
    double[] reference = water(image(get(map("pipe_js", CrsRef.CRS84, ""))));
    // The pipe runs east–west at 36.5010°N from 103.6990°E to 103.7000°E: in the window
    // 103.6980–103.7004°E, 36.5000–36.5020°N that is columns 107–213, row 128.
    assertThat(reference[0]).as("pipe pixels").isGreaterThan(100);
    assertThat(reference[1]).isCloseTo(160, offset(3.0));
    assertThat(reference[2]).isCloseTo(128, offset(2.0));
    for (CrsRef crs :
        List.of(
            CrsRef.epsg(4490),
            CrsRef.epsg(4544),
            CrsRef.epsg(3857),
            CrsRef.epsg(4326),
            CrsRef.epsg(4523))) {
      double[] d = water(image(get(map("pipe_js", crs, ""))));
      assertThat(d[0])
          .as(crs.code() + " pixel count")
          .isCloseTo(reference[0], offset(reference[0] * 0.15));
      assertThat(d[1]).as(crs.code() + " centroid x").isCloseTo(reference[1], offset(1.5));
      assertThat(d[2]).as(crs.code() + " centroid y").isCloseTo(reference[2], offset(1.5));
      for (int k = 3; k < 7; k++) {
        assertThat(d[k]).as(crs.code() + " extent " + k).isCloseTo(reference[k], offset(3.0));
      }
    }
  }

  @Test
  void pngHasAlphaPng8HasAPaletteAndJpegIsOpaque() throws Exception {
    HttpResponse<byte[]> png = get(map("pipe_js", CrsRef.CRS84, ""));
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()[25]).as("PNG colour type RGBA").isEqualTo((byte) 6);
    assertThat(image(png).getColorModel().hasAlpha()).isTrue();
    assertThat(rgb(image(png), 5, 5) >>> 24).isZero();

    HttpResponse<byte[]> png8 =
        get(map("pipe_js", CrsRef.CRS84, "").replace("image/png", "image/png8"));
    assertThat(png8.body()[25]).as("PNG colour type palette").isEqualTo((byte) 3);
    BufferedImage indexed = image(png8);
    assertThat(drawn(indexed)[0]).isGreaterThan(100);
    assertThat(indexed.getRGB(5, 5) >>> 24).as("transparent through tRNS").isZero();

    HttpResponse<byte[]> jpeg =
        get(map("pipe_js", CrsRef.CRS84, "").replace("image/png", "image/jpeg"));
    assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(jpeg.body()[0]).isEqualTo((byte) 0xFF);
    assertThat(jpeg.body()[1]).isEqualTo((byte) 0xD8);
    assertThat(image(jpeg).getColorModel().hasAlpha()).isFalse();
  }

  @Test
  void bgcolorFillsAnOpaqueMapAndTheWaterPipeIsCjj61SkyBlue() throws Exception {
    BufferedImage image =
        image(
            get(
                map("pipe_js", CrsRef.CRS84, "&BGCOLOR=0x102030")
                    .replace("TRANSPARENT=TRUE", "TRANSPARENT=FALSE")));
    assertThat(rgb(image, 5, 5)).isEqualTo(0x102030);
    assertThat(rgb(image, 160, 128)).as("CJJ 61 给水 (0,255,255)").isEqualTo(0x00ffff);
  }

  @Test
  void timeDrawsTheCityAsOfThatTime() throws Exception {
    // The planned pipe (2030) runs north–south at 103.6985°E: column 53.
    assertThat(columnDrawn(image(get(map("pipe_js", CrsRef.CRS84, ""))), 53))
        .as("not yet built")
        .isFalse();
    assertThat(columnDrawn(image(get(map("pipe_js", CrsRef.CRS84, "&TIME=2031-01-01"))), 53))
        .isTrue();
    assertThat(drawn(image(get(map("pipe_js", CrsRef.CRS84, "&TIME=2014"))))[0])
        .as("before 2015 nothing")
        .isZero();
  }

  private static boolean columnDrawn(BufferedImage image, int x) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      n += (image.getRGB(x, y) >>> 24) > 64 ? 1 : 0;
    }
    return n > 150;
  }

  @Test
  void aReusedCanvasKeepsNothingOfThePreviousMap() throws Exception {
    assertThat(
            drawn(
                image(get(map("pipe_js,pipe_rq,base_station", CrsRef.CRS84, "&TIME=2031-01-01"))))[
                0])
        .isGreaterThan(100);
    assertThat(canvases.idleBytes())
        .as("the canvas went back to the pool")
        .isGreaterThanOrEqualTo(256 * 256 * 4);
    BufferedImage empty =
        image(get(map("pipe_js,pipe_rq,base_station", CrsRef.CRS84, "&TIME=2014")));
    for (int y = 0; y < empty.getHeight(); y++) {
      for (int x = 0; x < empty.getWidth(); x++) {
        assertThat(empty.getRGB(x, y) >>> 24).as("alpha at %d,%d", x, y).isZero();
      }
    }
  }

  @Test
  void pipeLayersReadTogetherKeepTheirOrderFiltersAndTime() throws Exception {
    // Both networks come from one read of pipe_segment; the layer listed last is drawn on top.
    BufferedImage gasOnTop = image(get(opaque("pipe_js,pipe_rq", "")));
    assertThat(hue(gasOnTop, 160, 128)).as("CJJ 61 燃气 magenta over water").isEqualTo("gas");
    assertThat(hue(gasOnTop, 130, 128)).as("water beside the crossing").isEqualTo("water");
    BufferedImage waterOnTop = image(get(opaque("pipe_rq,pipe_js", "")));
    assertThat(hue(waterOnTop, 160, 128)).as("water over gas").isEqualTo("water");
    assertThat(hue(waterOnTop, 160, 80)).as("gas away from the crossing").isEqualTo("gas");
    // Each layer keeps its own CQL_FILTER.
    BufferedImage filtered =
        image(get(opaque("pipe_js,pipe_rq", "&CQL_FILTER=" + enc("dn_mm = 300;dn_mm = 999"))));
    assertThat(hue(filtered, 160, 128)).as("gas filtered out").isEqualTo("water");
    assertThat(hue(filtered, 160, 80)).isEqualTo("white");
    // TIME applies to every layer of the read: the planned gas pipe (column 128) only from 2030.
    assertThat(hue(gasOnTop, 128, 185)).as("not yet built").isEqualTo("white");
    BufferedImage in2031 = image(get(opaque("pipe_js,pipe_rq", "&TIME=2031-01-01")));
    assertThat(hue(in2031, 128, 185)).as("planned gas pipe in 2031").isEqualTo("gas");
    assertThat(hue(in2031, 53, 100)).as("planned water pipe in 2031").isEqualTo("water");
  }

  private String opaque(String layers, String extra) throws Exception {
    return map(layers, CrsRef.CRS84, extra).replace("TRANSPARENT=TRUE", "TRANSPARENT=FALSE");
  }

  /**
   * The CJJ 61 colour a pixel shows: water (0,255,255), gas (255,0,255), white, or other;
   * antialiasing tolerated.
   */
  private static String hue(BufferedImage image, int x, int y) {
    int p = rgb(image, x, y);
    boolean r = (p >> 16 & 0xff) > 0xc0;
    boolean g = (p >> 8 & 0xff) > 0xc0;
    boolean b = (p & 0xff) > 0xc0;
    return r && g && b ? "white" : !r && g && b ? "water" : r && !g && b ? "gas" : "other";
  }

  @Test
  void namedStylesColourByMaterialAgeLandUseAndOperator() throws Exception {
    BufferedImage material =
        image(get(map("pipe_js", CrsRef.CRS84, "").replace("STYLES=", "STYLES=material")));
    assertThat(rgb(material, 160, 128)).isNotEqualTo(0x00ffff).isNotZero();
    BufferedImage age =
        image(get(map("pipe_js", CrsRef.CRS84, "").replace("STYLES=", "STYLES=age")));
    assertThat(rgb(age, 160, 128)).as("2010–2019").isEqualTo(0x78c679);
    BufferedImage parcels = image(get(map("zoning_parcel", CrsRef.CRS84, "")));
    int parcel = parcels.getRGB(25, 230);
    assertThat(parcel & 0xffffff).as("GB 50137 R2 yellow").isEqualTo(0xffff00);
    BufferedImage stations = image(get(map("base_station", CrsRef.CRS84, "")));
    assertThat(rgb(stations, 160, 205)).as("中国联通 red").isEqualTo(0xe60012);
    BufferedImage sectors = image(get(map("antenna_sector", CrsRef.CRS84, "")));
    assertThat(drawn(sectors)[1]).as("the wedge points east of its site").isGreaterThan(162);
  }

  @Test
  void roadNamesAndPipeLabelsAppearAtLargeScales() throws Exception {
    BufferedImage road = image(get(map("road", CrsRef.CRS84, "")));
    assertThat(darkPixels(road)).as("中川大道 written in dark text").isGreaterThan(40);
    BufferedImage pipes =
        image(
            get(
                map("pipe_js", CrsRef.CRS84, "")
                    .replace("WIDTH=256&HEIGHT=256", "WIDTH=512&HEIGHT=512")));
    assertThat(darkPixels(pipes)).as("DN300 PE label below 1:2,000").isGreaterThan(20);
    String smallScale =
        map("road", CrsRef.CRS84, "").replace(bbox(db, CrsRef.CRS84), "103.5,36.3,103.9,36.7");
    assertThat(darkPixels(image(get(smallScale)))).as("no labels at 1:170,000").isZero();
  }

  private static int darkPixels(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int lum = ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
        n += (p >>> 24) > 200 && lum < 450 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void dpiMakesLinesWiderAtTheSameScale() throws Exception {
    double standard = water(image(get(map("pipe_js", CrsRef.CRS84, "&CQL_FILTER=dn_mm=300"))))[0];
    String hidpi =
        map("pipe_js", CrsRef.CRS84, "").replace("WIDTH=256&HEIGHT=256", "WIDTH=512&HEIGHT=512");
    for (String dpi : List.of("&DPI=181.4", "&MAP_RESOLUTION=181.4", "&FORMAT_OPTIONS=dpi:181.4")) {
      double d = water(image(get(hidpi + dpi + "&CQL_FILTER=dn_mm=300")))[0];
      assertThat(d)
          .as(dpi + ": twice as long and twice as wide")
          .isCloseTo(4 * standard, offset(standard * 0.6));
    }
  }

  @Test
  void cqlFilterAndSublayersSelectFeatures() throws Exception {
    assertThat(
            drawn(image(get(map("pipe_js", CrsRef.CRS84, "&CQL_FILTER=" + enc("dn_mm > 500")))))[0])
        .isZero();
    assertThat(
            drawn(
                image(get(map("pipe_js", CrsRef.CRS84, "&CQL_FILTER=" + enc("material = 'PE'")))))[
                0])
        .isGreaterThan(100);
    assertThat(drawn(image(get(map("pipe_js_jp", CrsRef.CRS84, ""))))[0]).isGreaterThan(100);
    assertThat(drawn(image(get(map("pipe_js_xs", CrsRef.CRS84, ""))))[0]).isZero();
  }

  @Test
  void sldBodyStylesALayerWithRulesFiltersAndScales() throws Exception {
    String sld =
        """
        <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
          <NamedLayer><Name>pipe_js</Name><UserStyle><Title>test</Title><FeatureTypeStyle>
            <Rule><Name>big</Name><ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>dn_mm</ogc:PropertyName>
              <ogc:Literal>200</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>
              <LineSymbolizer><Stroke><CssParameter name="stroke">#ff0000</CssParameter>
                <CssParameter name="stroke-width">5</CssParameter></Stroke></LineSymbolizer></Rule>
            <Rule><Name>never</Name><MaxScaleDenominator>10</MaxScaleDenominator>
              <LineSymbolizer><Stroke><CssParameter name="stroke">#0000ff</CssParameter></Stroke></LineSymbolizer></Rule>
          </FeatureTypeStyle></UserStyle></NamedLayer>
        </StyledLayerDescriptor>""";
    String url = map("pipe_js", CrsRef.CRS84, "&SLD_BODY=" + enc(sld));
    BufferedImage image = image(get(url));
    assertThat(rgb(image, 160, 128)).isEqualTo(0xff0000);
    assertThat(drawn(image)[6] - drawn(image)[4]).as("5 px wide").isGreaterThanOrEqualTo(4);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
