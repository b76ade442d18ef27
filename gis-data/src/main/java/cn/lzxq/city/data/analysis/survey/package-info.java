/**
 * Surveying QA (测量质检): survey points' recorded ground elevations (metres, 1985 datum) against the
 * DEM sampled at the points; differences in metres.
 */
package cn.lzxq.city.data.analysis.survey;
