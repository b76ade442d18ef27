/**
 * Excavation impact (开挖分析): a pit polygon (areas in m²) and a depth (metres) → the pipes and points
 * it reaches with their owners' contacts, the base stations and parcels affected, and the earthwork
 * volume (m³).
 */
package cn.lzxq.city.data.analysis.excavation;
