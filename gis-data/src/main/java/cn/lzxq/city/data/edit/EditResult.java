package cn.lzxq.city.data.edit;

import java.util.List;

/**
 * What a transaction did.
 *
 * @param inserted the new features' ids, in the order of the inserts
 * @param updated  features given a new version by updates
 * @param replaced features given a new version by replaces
 * @param deleted  features ended
 */
public record EditResult(List<Long> inserted, long updated, long replaced, long deleted) {

  public EditResult {
    inserted = List.copyOf(inserted);
  }
}
