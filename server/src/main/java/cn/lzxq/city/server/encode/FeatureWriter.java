package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Feature;
import java.io.IOException;
import java.util.List;

/**
 * Writes a feature collection as it streams from a cursor: {@link #begin}, then per layer {@link
 * #layer} followed by its features, then {@link #end}. Nothing is buffered beyond the output
 * stream's buffer, so any number of features fits in constant memory.
 */
public interface FeatureWriter {

  /** Starts the document. */
  void begin(CollectionInfo info) throws IOException;

  /** The following features are of this layer and carry these attributes (in order). */
  void layer(Layer layer, List<Attribute> attributes) throws IOException;

  /** One feature. */
  void feature(Feature feature) throws IOException;

  /** Ends the document and flushes. */
  void end() throws IOException;
}
