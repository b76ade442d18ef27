package cn.lzxq.city.data.analysis.section;

import cn.lzxq.city.data.analysis.common.PipeSize;
import java.util.Locale;

/**
 * Draws a cross-section as SVG: the ground line, each crossed pipe as a circle (or box) of its true
 * size in its network colour with a label (type, DN, top elevation), chainage and elevation axes.
 * Vertical and horizontal scales are equal so sizes and gaps read true.
 */
public final class SectionSvg {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 60;

  private SectionSvg() {}

  public static String render(CrossSectionResult r) {
    double minZ = Double.MAX_VALUE;
    double maxZ = -Double.MAX_VALUE;
    for (SectionPipe p : r.pipes()) {
      minZ = Math.min(minZ, p.invertM());
      maxZ = Math.max(maxZ, p.topM());
    }
    for (GroundPoint g : r.ground()) {
      if (g.groundM() != null) {
        minZ = Math.min(minZ, g.groundM());
        maxZ = Math.max(maxZ, g.groundM());
      }
    }
    if (minZ > maxZ) {
      minZ = 0;
      maxZ = 1;
    }
    minZ -= 0.5;
    maxZ += 0.5;
    double length = Math.max(r.lengthM(), 1e-3);
    double scale =
        Math.min((WIDTH - 2.0 * MARGIN) / length, (HEIGHT - 2.0 * MARGIN) / (maxZ - minZ));
    double top = maxZ;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<title>横断面 / Cross-section</title>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    StringBuilder ground = new StringBuilder();
    for (GroundPoint g : r.ground()) {
      if (g.groundM() != null) {
        ground.append(
            String.format(
                Locale.ROOT, "%.2f,%.2f ", x(g.chainageM(), scale), y(g.groundM(), top, scale)));
      }
    }
    svg.append(
            "<polyline class=\"ground\" fill=\"none\" stroke=\"#8b5a2b\" stroke-width=\"2\" points=\"")
        .append(ground.toString().trim())
        .append("\"/>\n");
    for (SectionPipe p : r.pipes()) {
      double cx = x(p.chainageM(), scale);
      double cy = y((p.topM() + p.invertM()) / 2, top, scale);
      double h = (p.topM() - p.invertM()) * scale;
      double w = (p.heightMm() == null ? h : p.sizeMm() / 1000.0 * scale);
      if (p.heightMm() == null) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle class=\"pipe\" data-fid=\"%d\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" "
                    + "fill=\"%s\" stroke=\"#000\"/>\n",
                p.fid(),
                cx,
                cy,
                Math.max(h / 2, 1.5),
                p.rgb()));
      } else {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"pipe\" data-fid=\"%d\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                    + "height=\"%.2f\" fill=\"%s\" stroke=\"#000\"/>\n",
                p.fid(),
                cx - w / 2,
                cy - h / 2,
                w,
                h,
                p.rgb()));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s %s %.2f</text>\n",
              cx,
              cy - Math.max(h / 2, 2) - 4,
              escape(p.typeZh()),
              PipeSize.label(p.sizeMm(), p.heightMm()),
              p.topM()));
    }
    axes(svg, r.lengthM(), minZ, maxZ, scale, top);
    return svg.append("</svg>\n").toString();
  }

  private static void axes(
      StringBuilder svg, double length, double minZ, double maxZ, double scale, double top) {
    double baseY = y(minZ, top, scale);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#444\"/>\n",
            MARGIN,
            baseY,
            x(length, scale),
            baseY));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%.2f\">0 m</text><text x=\"%.2f\" y=\"%.2f\" "
                + "text-anchor=\"end\">%.1f m</text>\n",
            MARGIN,
            baseY + 16,
            x(length, scale),
            baseY + 16,
            length));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"4\" y=\"%.2f\">%.2f</text><text x=\"4\" y=\"%.2f\">%.2f</text>\n",
            y(maxZ, top, scale) + 4,
            maxZ,
            baseY,
            minZ));
  }

  private static double x(double chainage, double scale) {
    return MARGIN + chainage * scale;
  }

  private static double y(double z, double top, double scale) {
    return MARGIN + (top - z) * scale;
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
  }
}
