package cn.lzxq.city.data.analysis.survey;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * A survey point whose recorded ground elevation differs from the DEM by more than the tolerance.
 *
 * @param fid the point's feature id
 * @param expNo 物探点号
 * @param road the road it lies on
 * @param surveyedM recorded ground elevation (地面高程), metres, 1985 datum
 * @param demM the DEM's height there, metres, 1985 datum
 * @param differenceM surveyed minus DEM, metres
 * @param geometry the point, CRS84
 */
public record SurveyDeviation(
    long fid,
    String expNo,
    String road,
    double surveyedM,
    double demM,
    double differenceM,
    GeoJson geometry)
    implements Located {}
