package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/** An existing duct with spare holes (已用孔数 < 总孔数). Length in metres. */
public record SpareDuct(
    long fid,
    String network,
    String owner,
    String ownerName,
    int totalHoles,
    int usedHoles,
    int spareHoles,
    String laying,
    double lengthM,
    String roadName,
    GeoJson geometry)
    implements Located {}
