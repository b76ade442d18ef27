package cn.lzxq.city.server.tiles3d;

import java.util.List;
import java.util.Locale;

/**
 * One content of the tilesets: a network's pipes, the pipe-point appurtenances, the base
 * stations or the zoning parcels. Its {@link #code()} is the content group code in tileset.json
 * and its {@link #prefix()} the URI folder of its tiles ({@code pipe_js/{level}/{x}/{y}.glb}).
 */
public enum ContentKind {
  PIPE_JS("JS", "给水管线", "pipe_js"),
  PIPE_PS("PS", "排水管线", "pipe_ps"),
  PIPE_RQ("RQ", "燃气管线", "pipe_rq"),
  PIPE_RL("RL", "热力管线", "pipe_rl"),
  PIPE_DL("DL", "电力管线", "pipe_dl"),
  PIPE_TX("TX", "通信管线", "pipe_tx"),
  POINTS("POINTS", "管线点（井、阀门、消火栓）", "pipe_point"),
  STATIONS("STATIONS", "移动通信基站", "base_station", "antenna_sector"),
  PARCELS("PARCELS", "控规地块", "zoning_parcel");

  private final String code;
  private final String nameZh;
  private final List<String> layers;

  ContentKind(String code, String nameZh, String... layers) {
    this.code = code;
    this.nameZh = nameZh;
    this.layers = List.of(layers);
  }

  /** Content group code: the CJJ 61 network code for pipes, else POINTS, STATIONS, PARCELS. */
  public String code() {
    return code;
  }

  /** Chinese group name. */
  public String nameZh() {
    return nameZh;
  }

  /** Catalog layer names whose edits change this content (the change-log {@code layer} values). */
  public List<String> layers() {
    return layers;
  }

  /** URI folder of this content's tiles, e.g. {@code pipe_js/} or {@code stations/}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT).replace("points", "pipe_point") + "/";
  }

  /** The content whose URI folder is {@code folder} (without slash). */
  public static ContentKind ofFolder(String folder) {
    for (ContentKind k : values()) {
      if (k.prefix().equals(folder + "/")) {
        return k;
      }
    }
    throw new IllegalArgumentException("no content " + folder);
  }

  /** Whether this is a pipe network. */
  public boolean isPipes() {
    return name().startsWith("PIPE_");
  }
}
