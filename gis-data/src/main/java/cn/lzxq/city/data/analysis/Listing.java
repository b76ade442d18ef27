package cn.lzxq.city.data.analysis;

import java.util.List;

/** An answer whose items can be written as a GeoJSON FeatureCollection. */
public interface Listing<T extends Located> {

  /** The located items. */
  List<T> items();
}
