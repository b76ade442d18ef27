package cn.lzxq.city.server.wms.encode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a rendered map (TYPE_INT_ARGB or TYPE_INT_RGB) in one image format. */
public interface ImageEncoder {

  /** Encodes the image to the stream. */
  void write(BufferedImage image, OutputStream out) throws IOException;
}
