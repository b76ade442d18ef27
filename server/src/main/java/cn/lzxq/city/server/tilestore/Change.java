package cn.lzxq.city.server.tilestore;

/**
 * One change-log row: a layer's geometries changed inside a longitude/latitude box.
 *
 * @param seq sequence number (increasing)
 * @param layer catalog layer name
 * @param west degrees
 * @param south degrees
 * @param east degrees
 * @param north degrees
 */
public record Change(
    long seq, String layer, double west, double south, double east, double north) {}
