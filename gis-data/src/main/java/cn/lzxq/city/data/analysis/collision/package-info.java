/**
 * Collision (碰撞) and cover depth (覆土): pipe solids that overlap in 3D (centre distance and overlap
 * in metres), and pipes whose cover above the crown is less than {@code cover_rule} requires for
 * their network, laying, material and road position (metres; frost depth in metres).
 */
package cn.lzxq.city.data.analysis.collision;
