package cn.lzxq.city.server.wms;

/**
 * An encoded image and its MIME type.
 *
 * @param bytes the image file
 * @param mimeType the Content-Type to answer with
 */
public record EncodedImage(byte[] bytes, String mimeType) {}
