/**
 * Zoning (控规) queries: the parcel at a point, what lies inside a parcel (counts, lengths in
 * metres), land-use statistics of a scope by GB 50137-2011 class (areas in m²).
 */
package cn.lzxq.city.data.analysis.zoning;
