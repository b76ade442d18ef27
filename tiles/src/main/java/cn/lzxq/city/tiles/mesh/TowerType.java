package cn.lzxq.city.tiles.mesh;

/** Mobile base-station tower types, with their usual Chinese names. */
public enum TowerType {
  /** 单管塔: a single tapered steel tube with a platform. */
  MONOPOLE,
  /** 角钢塔: four-legged angle-steel lattice tower. */
  ANGLE_STEEL,
  /** 三管塔: three-legged tube lattice tower. */
  THREE_TUBE,
  /** 楼面抱杆: a short pole clamped on a rooftop. */
  ROOFTOP_POLE,
  /** 灯杆/智慧杆: street-light or smart pole with an arm. */
  LIGHT_POLE
}
