package cn.lzxq.city.server.wms.layer;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import cn.lzxq.city.server.wms.style.NamedStyles;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.StyleDictionary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WMS layer tree: every catalog layer in catalog order; each pipe network has one sublayer per
 * CJJ 61 subtype ({@code pipe_js_jp} = water, distribution).
 */
public final class WmsLayers {

  private final List<WmsLayer> topLevel;
  private final Map<String, WmsLayer> byName = new LinkedHashMap<>();
  private final StyleDictionary dictionary;

  /**
   * The tree of the catalog's layers (vector and raster) with the styles built from {@code
   * dictionary}.
   */
  public WmsLayers(StyleDictionary dictionary, LayerCatalog catalog) {
    this.dictionary = dictionary;
    NamedStyles named = new NamedStyles(dictionary);
    List<WmsLayer> top = new ArrayList<>();
    for (Layer layer : catalog.all()) {
      List<Style> styles = named.of(layer);
      WmsLayer l =
          new WmsLayer(
              layer.name(),
              layer.titleZh(),
              layer.abstractEn(),
              layer,
              Filter.all(),
              styles,
              subtypes(layer, styles));
      top.add(l);
      byName.put(l.name(), l);
      l.children().forEach(c -> byName.put(c.name(), c));
    }
    this.topLevel = List.copyOf(top);
  }

  private List<WmsLayer> subtypes(Layer layer, List<Style> styles) {
    if (layer.geometryKind() != cn.lzxq.city.data.layer.GeometryKind.LINE
        || !layer.name().startsWith("pipe_")) {
      return List.of();
    }
    String network = layer.name().substring(5).toUpperCase(Locale.ROOT);
    return dictionary.subtypesOf(network).stream()
        .map(
            t ->
                new WmsLayer(
                    layer.name() + "_" + t.code().toLowerCase(Locale.ROOT),
                    t.nameZh() + layer.titleZh(),
                    layer.titleEn() + ": " + t.nameEn() + " (" + network + "/" + t.code() + ")",
                    layer,
                    new Filter.Compare(Filter.CompareOp.EQ, "subtype", t.code(), true),
                    styles,
                    List.of()))
        .toList();
  }

  /** The top-level layers (children of the root layer). */
  public List<WmsLayer> topLevel() {
    return topLevel;
  }

  /** The dictionaries the styles were built from. */
  public StyleDictionary dictionary() {
    return dictionary;
  }

  /** The layer of this name, if any. */
  public Optional<WmsLayer> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The layer of this name, or LayerNotDefined. */
  public WmsLayer require(String name, String locator) {
    return find(name)
        .orElseThrow(
            () ->
                new OwsException(
                    WmsCodes.LAYER_NOT_DEFINED, locator, "no layer named '" + name + "'"));
  }
}
