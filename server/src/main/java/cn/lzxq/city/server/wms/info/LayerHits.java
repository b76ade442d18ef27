package cn.lzxq.city.server.wms.info;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import java.util.List;

/**
 * The features found under the clicked pixel in one layer, nearest first.
 *
 * @param layer the queried layer
 * @param attributes the attributes each feature carries, in catalog order
 * @param features the features, geometry in the request CRS
 */
public record LayerHits(WmsLayer layer, List<Attribute> attributes, List<Feature> features) {

  public LayerHits {
    attributes = List.copyOf(attributes);
    features = List.copyOf(features);
  }
}
