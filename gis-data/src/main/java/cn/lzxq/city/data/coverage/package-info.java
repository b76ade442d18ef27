/**
 * Radio coverage of the base-station sectors: the propagation models (3GPP TR 38.901 UMa, COST-231
 * Hata inside its validity), the sector antenna pattern of 3GPP TR 36.814 Table A.2.1.1-2, the
 * per-resource-element link budget (RSRP, SINR) and the best-server grid computed from them. Units
 * are in the names: {@code Db} decibels, {@code Dbm} dBm, {@code M} metres, {@code Deg} degrees,
 * {@code Mhz} megahertz, {@code Mw} milliwatts.
 */
package cn.lzxq.city.data.coverage;
