package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import java.time.Instant;

/**
 * A parsed {@code /collections/{id}/items} request.
 *
 * @param filter the bbox and CQL2 filter combined
 * @param asOf the time the city is read at ({@code datetime}: an instant, or an interval's end),
 *     null for now
 * @param limit features per page
 * @param offset features skipped
 * @param crs the output CRS (CRS84 by default); coordinates in its axis order
 * @param html answer with an HTML page
 */
record ItemsRequest(
    Layer layer, Filter filter, Instant asOf, long limit, long offset, CrsRef crs, boolean html) {}
