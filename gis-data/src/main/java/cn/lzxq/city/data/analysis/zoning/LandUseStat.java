package cn.lzxq.city.data.analysis.zoning;

/**
 * Land use of one GB 50137 class in a scope.
 *
 * @param major the major class (R A B M W S U G H E)
 * @param code the class code, null on the major-class total row
 * @param areaM2 area inside the scope, m²
 * @param sharePct share of all parcel area in the scope, %
 */
public record LandUseStat(
    String major,
    String code,
    String nameZh,
    String nameEn,
    long parcels,
    double areaM2,
    Double sharePct) {}
