package cn.lzxq.city.server.wms.encode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** PNG through the JDK's ImageIO writer (the baseline of the encoder benchmark). */
public final class ImageIoPngEncoder implements ImageEncoder {

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    ImageIO.write(image, "png", out);
  }
}
