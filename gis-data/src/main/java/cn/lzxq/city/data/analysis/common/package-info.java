/**
 * Shared plumbing of the analyses: a {@link cn.lzxq.city.data.analysis.common.Session} (one
 * read-only transaction under a statement timeout and a deadline, named-parameter SQL from {@code
 * sql/analysis/*.sql}, row mapping), the scope of a request ({@link
 * cn.lzxq.city.data.analysis.common.Scope} → {@link
 * cn.lzxq.city.data.analysis.common.ResolvedScope}: bbox, road or project area, owner, network,
 * as-of instant), client geometry read into the native CRS ({@link
 * cn.lzxq.city.data.analysis.common.GeometryInput}), rule references cited in answers, owners'
 * contacts and the exceptions the API maps to problem details.
 *
 * <p>Units everywhere in the analyses: lengths, distances, depths and elevations in metres
 * (elevations in the 1985 national height datum), pipe sizes in millimetres, areas in m² (scopes in
 * km²), angles in degrees; coordinates of answers in the native projected CRS unless a request
 * names another. Rounding of values shown to users goes through {@link
 * cn.lzxq.city.data.analysis.common.Rounding}.
 */
package cn.lzxq.city.data.analysis.common;
