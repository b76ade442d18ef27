package cn.lzxq.city.tiles.content;

/** Point assets drawn as GPU instances. */
public enum AssetKind {
  /** Inspection well: shaft from the ground down to the pipe, with a cover. */
  MANHOLE,
  /** Valve on a pipe. */
  VALVE,
  /** Pillar fire hydrant on the ground. */
  HYDRANT
}
