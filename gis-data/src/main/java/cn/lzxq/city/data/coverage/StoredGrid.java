package cn.lzxq.city.data.coverage;

/**
 * A computed coverage grid as stored (a row of {@code coverage_grid}).
 *
 * @param id grid id
 * @param grid its frame
 * @param settings the settings it was computed with
 * @param changeSeq the last {@code tile_change} it includes
 */
public record StoredGrid(long id, CoverageGrid grid, CoverageSettings settings, long changeSeq) {}
