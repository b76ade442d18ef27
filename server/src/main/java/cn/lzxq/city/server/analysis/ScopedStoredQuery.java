package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.AnalysisTimeoutException;
import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wfs.WfsStoredQuery;
import java.util.List;

/**
 * A pair check over a bbox (clearance violations, collisions) offered as a WFS 2.0 stored query:
 * parameters BBOX (minx,miny,maxx,maxy; CRS84 lon,lat unless BBOX-CRS says otherwise) and optional
 * ASOF; the answer is the GeoJSON FeatureCollection of the REST analysis (one feature per violating
 * pair, located at the shortfall, with the rule row used), under the same time limit and scope-area
 * limit as {@code /api/analysis/<analysis>}.
 *
 * @param id the stored query URN
 * @param title one line
 * @param description what a feature is
 * @param featureType the returned feature type
 * @param analysis the analysis name (time limit key)
 * @param work the analysis on the resolved bbox scope
 */
record ScopedStoredQuery(
    String id,
    String title,
    String description,
    String featureType,
    String analysis,
    AnalysisRunner.ScopedWork<? extends Listing<?>> work,
    AnalysisRunner runner,
    AnswerWriter writer)
    implements WfsStoredQuery {

  @Override
  public String returnFeatureType() {
    return featureType;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        new Parameter(
            "BBOX",
            "xs:string",
            "minx,miny,maxx,maxy of the area checked, in BBOX-CRS axis order (default CRS84: "
                + "longitude,latitude in degrees)"),
        new Parameter(
            "BBOX-CRS",
            "xs:anyURI",
            "CRS of BBOX (default http://www.opengis.net/def/crs/OGC/1.3/CRS84)"),
        new Parameter(
            "ASOF",
            "xs:string",
            "ISO 8601 time or date of the network version checked (default now)"));
  }

  @Override
  public byte[] run(KvpMap parameters) {
    String bbox = parameters.require("BBOX");
    try {
      Listing<?> answer =
          runner.scoped(
              analysis,
              ScopeParams.scope(
                  bbox,
                  parameters.get("BBOX-CRS").orElse(null),
                  null,
                  null,
                  null,
                  null,
                  parameters.get("ASOF").orElse(null)),
              work);
      return writer.geoJson(answer);
    } catch (AnalysisInputException e) {
      throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "BBOX", e.getMessage());
    } catch (AnalysisTimeoutException e) {
      throw new OwsException(
          "OperationProcessingFailed",
          "STOREDQUERY_ID",
          e.getMessage() + AnalysisProblems.JOB_HINT,
          400);
    }
  }
}
