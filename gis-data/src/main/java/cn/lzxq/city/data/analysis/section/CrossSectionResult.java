package cn.lzxq.city.data.analysis.section;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a cross-section.
 *
 * @param lengthM the section line's plan length, metres
 * @param pipes the crossed pipes by chainage
 * @param ground the ground line
 */
public record CrossSectionResult(
    Instant asOf, double lengthM, List<SectionPipe> pipes, List<GroundPoint> ground)
    implements Listing<SectionPipe> {

  @Override
  public List<SectionPipe> items() {
    return pipes;
  }
}
