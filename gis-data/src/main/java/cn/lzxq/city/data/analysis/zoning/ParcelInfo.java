package cn.lzxq.city.data.analysis.zoning;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * A zoning parcel with its indicators (控制指标).
 *
 * @param areaM2 parcel area, m²
 * @param maxFar 容积率 upper limit
 * @param maxCoveragePct 建筑密度 upper limit, %
 * @param minGreenPct 绿地率 lower limit, %
 * @param heightLimitM 建筑限高, metres
 * @param emfSensitive homes, schools, hospitals, welfare (land_use_class.emf_sensitive)
 */
public record ParcelInfo(
    long fid,
    String parcelCode,
    String landUseCode,
    String landUseName,
    String landUseNameEn,
    String parentClass,
    boolean emfSensitive,
    double areaM2,
    Double maxFar,
    Double maxCoveragePct,
    Double minGreenPct,
    Double heightLimitM,
    String planName,
    String approvalDate,
    GeoJson geometry)
    implements Located {}
