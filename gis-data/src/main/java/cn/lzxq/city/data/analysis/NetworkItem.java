package cn.lzxq.city.data.analysis;

/**
 * A segment or point in a network answer.
 *
 * @param kind     segment, valve or point
 * @param fid      feature id
 * @param label    the point's survey number and kind, or the segment's length in metres
 * @param geometry CRS84
 */
public record NetworkItem(String kind, long fid, String label, GeoJson geometry) implements Located {
}
