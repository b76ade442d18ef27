package cn.lzxq.city.data.analysis.common;

/** An answer item with a place, written as a GeoJSON Feature when GeoJSON is asked for. */
public interface Located {

  /** The item's geometry in CRS84. */
  GeoJson geometry();
}
