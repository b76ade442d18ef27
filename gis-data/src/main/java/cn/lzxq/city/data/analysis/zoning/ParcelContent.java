package cn.lzxq.city.data.analysis.zoning;

/**
 * A group of features inside a parcel.
 *
 * @param kind pipe, point, station or road
 * @param key network code, site code or road name
 * @param count how many
 * @param lengthM pipes and roads: length inside the parcel, metres
 */
public record ParcelContent(String kind, String key, long count, Double lengthM) {}
