package cn.lzxq.city.data.analysis.common;

/**
 * A base station or zoning parcel an analysis affects.
 *
 * @param kind station or parcel
 * @param code site code or parcel code
 * @param name site name or land-use name
 * @param extra tenants (stations) or land-use code (parcels)
 * @param areaM2 parcels: the overlap, m²
 */
public record AffectedFeature(String kind, String code, String name, String extra, Double areaM2) {}
