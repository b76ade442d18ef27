package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated construction project, one row of {@code construction_project}; valid from its planned
 * start.
 *
 * @param fid feature id
 * @param code project code
 * @param name project name
 * @param owner organization code
 * @param kind new_build, renewal, repair, relocation or road_works
 * @param networks networks it digs for (empty for road works)
 * @param trenchDepthM trench depth, metres, or null
 * @param plannedStart planned start
 * @param plannedEnd planned end
 * @param status planned, approved, in_progress, completed or cancelled
 * @param corridor closed ring of the corridor it digs, at ground level
 */
public record ConstructionProject(
    long fid,
    String code,
    String name,
    String owner,
    String kind,
    List<String> networks,
    Double trenchDepthM,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    String status,
    List<Xyz> corridor) {}
