package cn.lzxq.city.data.edit;

import java.util.List;
import java.util.Map;

/**
 * What a transaction did.
 *
 * @param inserted the new features' ids, in the order of the inserts
 * @param updated features given a new version by updates
 * @param replaced features given a new version by replaces
 * @param deleted features ended
 * @param versions the latest version ({@code version_id}) of each feature the transaction wrote and
 *     did not end, by fid
 */
public record EditResult(
    List<Long> inserted, long updated, long replaced, long deleted, Map<Long, Long> versions) {

  public EditResult {
    inserted = List.copyOf(inserted);
    versions = Map.copyOf(versions);
  }
}
