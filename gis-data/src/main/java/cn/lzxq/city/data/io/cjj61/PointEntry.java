package cn.lzxq.city.data.io.cjj61;

import java.math.BigDecimal;

/**
 * What the import remembers of a pipe point: enough to place segment ends and check depths.
 * Coordinates in the input CRS (northing, easting, metres), ground elevation in metres.
 *
 * @param source the file (and sheet) of the point row, or "database"
 * @param row its row, 0 for a point already in the database
 * @param depth 埋深 from the point table, metres, or null
 * @param network network code, or null when it could not be resolved
 * @param subtype subtype code, or null
 * @param inDatabase true for a current point of the database, not of the input
 */
public record PointEntry(
    String source,
    long row,
    double northing,
    double easting,
    double groundElev,
    BigDecimal depth,
    String network,
    String subtype,
    boolean inDatabase) {}
