package cn.lzxq.city.data.ortho;

/**
 * An orthophoto resampled to the native CRS: square pixels, rows from north to south.
 *
 * @param x0 easting of the west edge, metres (native CRS)
 * @param y0 northing of the north edge, metres
 * @param pixelM pixel size, metres
 * @param width columns
 * @param height rows
 * @param argb pixels, row-major, {@code 0xAARRGGBB} (alpha 0 = no data)
 */
public record OrthoImage(double x0, double y0, double pixelM, int width, int height, int[] argb) {

  public OrthoImage {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(width + " × " + height + " pixels, " + argb.length + " given");
    }
  }
}
