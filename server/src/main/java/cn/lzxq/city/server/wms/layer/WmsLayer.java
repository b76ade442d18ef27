package cn.lzxq.city.server.wms.layer;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import cn.lzxq.city.server.wms.style.Style;
import java.util.List;

/**
 * A named WMS layer: a catalog layer, or a subtype of a pipe network (a child of the network's
 * layer), with its styles (default first; children share their parent's).
 *
 * @param name the LAYERS name ({@code pipe_js}, {@code pipe_js_jp}…)
 * @param titleZh Chinese title
 * @param abstractEn English abstract
 * @param source the catalog layer it reads
 * @param filter the rows of the catalog layer it shows (a subtype), or all
 * @param styles named styles, default first
 * @param children sublayers (subtypes of a network), possibly none
 */
public record WmsLayer(
    String name,
    String titleZh,
    String abstractEn,
    Layer source,
    Filter filter,
    List<Style> styles,
    List<WmsLayer> children) {

  public WmsLayer {
    styles = List.copyOf(styles);
    children = List.copyOf(children);
  }

  /**
   * Whether GetFeatureInfo answers on the layer: features, or a raster with cell values (not an
   * image such as the orthophoto).
   */
  public boolean queryable() {
    return source.isVector() || !source.attributes().isEmpty();
  }

  /** The style of this name; blank or {@code default} gives the default style. */
  public Style style(String styleName) {
    if (styleName == null || styleName.isBlank() || styleName.equalsIgnoreCase("default")) {
      return styles.get(0);
    }
    return styles.stream()
        .filter(s -> s.name().equals(styleName))
        .findFirst()
        .orElseThrow(
            () ->
                new OwsException(
                    WmsCodes.STYLE_NOT_DEFINED,
                    "STYLES",
                    "layer "
                        + name
                        + " has no style '"
                        + styleName
                        + "'; it has "
                        + styles.stream().map(Style::name).toList()));
  }
}
