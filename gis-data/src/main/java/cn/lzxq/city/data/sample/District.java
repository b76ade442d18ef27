package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated district (片区), one row of {@code district}: the sample splits its road grid into four
 * quarters along the centre column and row roads, named after the towns of Lanzhou New Area.
 *
 * @param fid feature id
 * @param code district code
 * @param name Chinese name
 * @param nameEn English name
 * @param validFrom the day the district was set up
 * @param ring closed outline at ground level
 */
public record District(
    long fid, String code, String name, String nameEn, LocalDate validFrom, List<Xyz> ring) {}
