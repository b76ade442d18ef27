package cn.lzxq.city.data.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layers that can be imported and exported, each with the one table that holds it: the
 * fixed list every table identifier in import and export SQL comes from.
 *
 * <p>Pipe segments are one table ({@code pipe_segment}) split into a layer per network.
 * The key says which existing feature an imported one replaces (a new version, same fid).
 */
public enum LayerTable {
  PIPE_JS("pipe_js", "pipe_segment", "JS"),
  PIPE_PS("pipe_ps", "pipe_segment", "PS"),
  PIPE_RQ("pipe_rq", "pipe_segment", "RQ"),
  PIPE_RL("pipe_rl", "pipe_segment", "RL"),
  PIPE_DL("pipe_dl", "pipe_segment", "DL"),
  PIPE_TX("pipe_tx", "pipe_segment", "TX"),
  PIPE_POINT("pipe_point", "pipe_point", null, "exp_no"),
  BASE_STATION("base_station", "base_station", null, "site_code"),
  ANTENNA_SECTOR("antenna_sector", "antenna_sector", null, "site_code", "sector_no"),
  ZONING_PARCEL("zoning_parcel", "zoning_parcel", null, "parcel_code"),
  ROAD("road", "road", null, "name"),
  CONSTRUCTION_PROJECT("construction_project", "construction_project", null, "project_code");

  private final String layer;
  private final String table;
  private final String network;
  private final List<String> key;

  LayerTable(String layer, String table, String network, String... key) {
    this.layer = layer;
    this.table = table;
    this.network = network;
    this.key = key.length == 0 ? List.of("start_point", "end_point") : List.of(key);
  }

  /** The layer name, the same in every protocol (pipe_js, base_station …). */
  public String layer() {
    return layer;
  }

  /** The table holding the layer. */
  public String table() {
    return table;
  }

  /** The network code a pipe layer is restricted to, or null. */
  public String network() {
    return network;
  }

  /** The columns that identify a feature across imports. */
  public List<String> key() {
    return key;
  }

  /** True when the key matches in either order (a segment A→B is the segment B→A). */
  public boolean keyEitherDirection() {
    return table.equals("pipe_segment");
  }

  /** The layer of a name (case-insensitive), if there is one. */
  public static Optional<LayerTable> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.layer.equals(n)).findFirst();
  }
}
