package cn.lzxq.city.data.coverage;

/**
 * The best-server coverage of one operator on one band over a window of the grid, row-major.
 *
 * @param key operator and band
 * @param window the cells
 * @param rsrpDbm best-server RSRP per resource element, dBm (NaN: no sector within reach)
 * @param sinrDb SINR of the best server, dB (NaN likewise)
 * @param server feature id of the serving sector (0: none)
 */
public record CoverageLayer(
    CoverageSector.LayerKey key,
    CoverageGrid.Window window,
    float[] rsrpDbm,
    float[] sinrDb,
    int[] server) {}
