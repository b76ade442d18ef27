/**
 * Towers and base stations: co-location on existing towers (铁塔共享: distance and heights in metres,
 * tenants), the EMF compliance distance of an antenna (EIRP in dBm/W, frequency in MHz, power
 * density limits in W/m², distance in metres, after GB 8702-2014) and QA of sites against {@code
 * site_rule} (spacing in metres, azimuths and tilts in degrees).
 */
package cn.lzxq.city.data.analysis.tower;
