package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.crs.CrsRef;

/**
 * A proposed base-station site.
 *
 * @param x, y position in {@code crs} (x = easting or longitude)
 * @param operator the operator (organization.code of kind operator)
 * @param antennaHeightM antenna height needed above ground, metres
 * @param band band name (n78 …), for the answer
 * @param frequencyMhz carrier frequency, MHz (for the EMF distance), optional
 * @param eirpDbm EIRP, dBm (for the EMF distance), optional
 * @param areaType dense_urban, urban, suburban or rural; null = that of the nearest existing site
 */
public record ColocationRequest(
    double x,
    double y,
    CrsRef crs,
    String operator,
    double antennaHeightM,
    String band,
    Double frequencyMhz,
    Double eirpDbm,
    String areaType) {}
