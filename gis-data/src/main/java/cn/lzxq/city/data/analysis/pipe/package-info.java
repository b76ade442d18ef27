/**
 * The pipes a pair check looks at: the existing pipes of a scope or one proposed pipe (fid 0), read
 * as the pipe solids of {@code pipe_solid_at()} (centre elevation, half width and half height in
 * metres), and the pipe references an answer names (DN or box width in millimetres, owner). Used by
 * the clearance and the collision checks.
 */
package cn.lzxq.city.data.analysis.pipe;
