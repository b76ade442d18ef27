package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * A generated 控规 parcel, one row of {@code zoning_parcel}; valid from its approval date.
 *
 * @param fid feature id
 * @param parcel code, class, extent and indicators
 * @param ring closed outline at ground level
 */
public record ZoningParcel(long fid, Parcel parcel, List<Xyz> ring) {}
