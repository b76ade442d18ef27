package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated road, one row of {@code road}.
 *
 * @param fid feature id
 * @param road name, class and widths
 * @param validFrom opening date
 * @param centreline vertices at every crossing, at ground level
 * @param redLine closed ring of the red-line polygon, at ground level
 */
public record RoadFeature(
    long fid, Road road, LocalDate validFrom, List<Xyz> centreline, List<Xyz> redLine) {}
