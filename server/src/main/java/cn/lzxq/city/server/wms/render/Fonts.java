package cn.lzxq.city.server.wms.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * The font labels and legends are written in: the first installed font that can show Chinese
 * (WenQuanYi Zen Hei from Debian {@code fonts-wqy-zenhei}, or Noto Sans CJK from {@code
 * fonts-noto-cjk}), else the logical SansSerif font.
 */
public final class Fonts {

  private static final List<String> PREFERRED =
      List.of(
          "WenQuanYi Zen Hei",
          "Noto Sans CJK SC",
          "Noto Sans SC",
          "Source Han Sans SC",
          "WenQuanYi Micro Hei",
          "AR PL UMing CN");
  private static final String SAMPLE = "给水管线道路";
  private static final Font BASE = find().orElse(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

  private Fonts() {}

  /** The label font at {@code pixels} size. */
  public static Font label(double pixels) {
    return BASE.deriveFont((float) pixels);
  }

  /** The installed CJK font family, if any. */
  public static Optional<String> cjkFamily() {
    return find().map(Font::getFamily);
  }

  private static Optional<Font> find() {
    List<String> installed =
        List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    for (String family : PREFERRED) {
      if (installed.contains(family)) {
        Font f = new Font(family, Font.PLAIN, 12);
        if (f.canDisplayUpTo(SAMPLE) == -1) {
          return Optional.of(f);
        }
      }
    }
    return installed.stream()
        .map(family -> new Font(family, Font.PLAIN, 12))
        .filter(f -> f.canDisplayUpTo(SAMPLE) == -1 && !f.getFamily().startsWith("Dialog"))
        .findFirst();
  }
}
