package cn.lzxq.city.server.wfs;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.edit.FeatureLocks;
import java.util.List;

/**
 * The LockFeature response documents: WFS 2.0.0 {@code wfs:LockFeatureResponse lockId=…} with
 * {@code fes:ResourceId}s, 1.1.0 {@code wfs:LockFeatureResponse} with {@code wfs:LockId} and {@code
 * ogc:FeatureId}s, 1.0.0 {@code WFS_LockFeatureResponse}; and the answer to the ReleaseLock vendor
 * request.
 */
final class LockResponses {

  private LockResponses() {}

  static String document(String version, FeatureLocks.Outcome o) {
    return switch (version) {
      case "1.0.0" ->
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:WFS_LockFeatureResponse"
              + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n"
              + "  <wfs:LockId>"
              + xml(o.lockId())
              + "</wfs:LockId>\n"
              + features("wfs:FeaturesLocked", o.locked(), false)
              + features("wfs:FeaturesNotLocked", o.notLocked(), false)
              + "</wfs:WFS_LockFeatureResponse>\n";
      case "1.1.0" ->
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:LockFeatureResponse"
              + " xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n"
              + "  <wfs:LockId>"
              + xml(o.lockId())
              + "</wfs:LockId>\n"
              + features("wfs:FeaturesLocked", o.locked(), false)
              + features("wfs:FeaturesNotLocked", o.notLocked(), false)
              + "</wfs:LockFeatureResponse>\n";
      default ->
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wfs:LockFeatureResponse lockId=\""
              + xml(o.lockId())
              + "\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\">\n"
              + features("wfs:FeaturesLocked", o.locked(), true)
              + features("wfs:FeaturesNotLocked", o.notLocked(), true)
              + "</wfs:LockFeatureResponse>\n";
    };
  }

  /** The ReleaseLock answer (a vendor request, in the service's own namespace). */
  static String released(String lockId, long features) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<city:ReleaseLockResponse"
        + " xmlns:city=\"http://lzxq.cn/city\" lockId=\""
        + xml(lockId)
        + "\" featuresReleased=\""
        + features
        + "\"/>\n";
  }

  /** A list of feature ids; absent when empty (the schemas want at least one id in it). */
  private static String features(
      String element, List<FeatureLocks.LockedFeature> ids, boolean resourceIds) {
    if (ids.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("  <").append(element).append('>');
    for (FeatureLocks.LockedFeature f : ids) {
      b.append(resourceIds ? "<fes:ResourceId rid=\"" : "<ogc:FeatureId fid=\"")
          .append(xml(f.layer() + "." + f.fid()))
          .append("\"/>");
    }
    return b.append("</").append(element).append(">\n").toString();
  }
}
