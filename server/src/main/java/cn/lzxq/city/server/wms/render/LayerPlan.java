package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.server.wms.style.Style;

/**
 * One layer of a map as it will be drawn.
 *
 * @param layer the catalog layer read
 * @param filter the rows drawn (subtype, CQL_FILTER), without the window
 * @param style the style drawn with
 */
public record LayerPlan(Layer layer, Filter filter, Style style) {}
