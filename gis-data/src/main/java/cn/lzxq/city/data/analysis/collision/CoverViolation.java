package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.pipe.PipeRef;
import java.util.List;

/**
 * A segment whose cover (ground minus pipe top) is less than its rule requires, at its worse end.
 *
 * @param roadPosition carriageway or footway at that end
 * @param groundM ground elevation, metres (1985 datum)
 * @param topM pipe top elevation, metres
 * @param coverM ground − top, metres
 * @param requiredM the minimum: the cover_rule value, or the frost depth (+ margin) where frost
 *     governs, metres
 * @param rules the cover_rule row, and the analysis_setting rows when frost governed
 * @param geometry the end (CRS84)
 */
public record CoverViolation(
    PipeRef pipe,
    String material,
    String laying,
    String roadPosition,
    double groundM,
    double topM,
    double coverM,
    double requiredM,
    List<RuleRef> rules,
    GeoJson geometry)
    implements Located {}
