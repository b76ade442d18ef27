package cn.lzxq.city.server.wms;

import static cn.lzxq.city.server.wms.WmsFixture.get;
import static cn.lzxq.city.server.wms.WmsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.wms.render.Fonts;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GetLegendGraphic: a PNG per layer, style and rule with Chinese rule titles. */
class WmsLegendTest extends WmsContextTest {

  private BufferedImage legend(String params) throws Exception {
    HttpResponse<byte[]> r =
        get(
            "http://localhost:"
                + port
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
                + "&FORMAT=image/png&"
                + params);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    return image(r);
  }

  @Test
  void aCjkFontIsInstalled() {
    assertThat(Fonts.cjkFamily())
        .as(
            "a font with Chinese glyphs: install the Debian package fonts-wqy-zenhei "
                + "(or fonts-noto-cjk); without it legends and labels show empty boxes")
        .isPresent();
  }

  @Test
  void everyLayerAndStyleHasALegendWithOneRowPerRule() throws Exception {
    for (String layer :
        new String[] {
          "pipe_js",
          "pipe_point",
          "base_station",
          "antenna_sector",
          "zoning_parcel",
          "road",
          "construction_project",
          "pipe_js_jp"
        }) {
      BufferedImage image = legend("LAYER=" + layer);
      assertThat(image.getHeight()).as(layer).isGreaterThan(40);
    }
    BufferedImage byNetwork = legend("LAYER=pipe_js&STYLE=cjj61");
    BufferedImage byMaterial = legend("LAYER=pipe_js&STYLE=material");
    assertThat(byMaterial.getHeight())
        .as("more material rules than DN classes")
        .isGreaterThan(byNetwork.getHeight());
    BufferedImage parcels = legend("LAYER=zoning_parcel&STYLE=gb50137");
    assertThat(parcels.getHeight()).as("one row per GB 50137 class").isGreaterThan(30 * 22);
  }

  @Test
  void aRuleGivesItsSymbolOnlyInTheAskedSize() throws Exception {
    BufferedImage icon = legend("LAYER=zoning_parcel&RULE=landuse_R2&WIDTH=30&HEIGHT=20");
    assertThat(icon.getWidth()).isEqualTo(30);
    assertThat(icon.getHeight()).isEqualTo(20);
    assertThat(icon.getRGB(15, 10) & 0xffffff).as("R2 yellow").isEqualTo(0xffff00);
  }

  @Test
  void chineseTitlesAreDrawnAsGlyphsNotBoxes() throws Exception {
    BufferedImage a = legend("LAYER=pipe_js&STYLE=age");
    BufferedImage b = legend("LAYER=pipe_js&STYLE=age&SCALE=1000");
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(inkIn(a, 30, a.getWidth())).as("rule titles are written").isGreaterThan(200);
  }

  private static int inkIn(BufferedImage image, int fromX, int toX) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = fromX; x < toX; x++) {
        n += (image.getRGB(x, y) >>> 24) > 128 ? 1 : 0;
      }
    }
    return n;
  }
}
