/**
 * Co-construction (共建共享): planned works whose corridors lie within a distance (metres) and whose
 * time windows overlap, with their shared length (metres), and existing ducts with spare holes near
 * a route.
 */
package cn.lzxq.city.data.analysis.coconstruction;
