package cn.lzxq.city.data.analysis.section;

import java.time.Instant;
import java.util.List;

/**
 * The answer of a longitudinal profile (纵断面): nodes, segments with slopes, and crossings, in run
 * order.
 */
public record ProfileResult(
    Instant asOf,
    String network,
    double lengthM,
    List<ProfilePoint> points,
    List<ProfileSegment> segments,
    List<ProfileCrossing> crossings) {}
