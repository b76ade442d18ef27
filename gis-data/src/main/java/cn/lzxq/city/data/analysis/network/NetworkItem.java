package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * A segment or point in a network answer.
 *
 * @param kind segment, valve or point
 * @param fid feature id
 * @param label the point's survey number and kind, or the segment's length in metres
 * @param geometry CRS84
 */
public record NetworkItem(String kind, long fid, String label, GeoJson geometry)
    implements Located {}
