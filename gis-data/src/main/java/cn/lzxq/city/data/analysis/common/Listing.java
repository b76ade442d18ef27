package cn.lzxq.city.data.analysis.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** An answer whose items can be written as a GeoJSON FeatureCollection. */
public interface Listing<T extends Located> {

  /** The located items. */
  @JsonIgnore
  List<T> items();
}
