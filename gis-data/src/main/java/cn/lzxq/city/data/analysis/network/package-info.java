/**
 * Network analyses on the connected pipe graph: trace up- and downstream from a segment or point,
 * and valve isolation (爆管分析) for water, gas and heat. The walk runs in Java over the segments of a
 * disc around the start (radius in metres), under the session's deadline.
 */
package cn.lzxq.city.data.analysis.network;
