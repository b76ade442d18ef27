package cn.lzxq.city.server.ows;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key-value parameters of an OGC request: keys case-insensitive (clients send {@code REQUEST},
 * {@code request} and {@code Request}), the first value of a repeated key.
 */
public final class KvpMap {

  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** From the servlet parameter map (query string and form body). */
  public static KvpMap of(Map<String, String[]> parameters) {
    KvpMap kvp = new KvpMap();
    parameters.forEach(
        (k, v) -> {
          if (v != null && v.length > 0) {
            kvp.values.putIfAbsent(k, v[0]);
          }
        });
    return kvp;
  }

  /** The value, if present and not blank. */
  public Optional<String> get(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The first present key of several synonyms (e.g. TYPENAMES, TYPENAME). */
  public Optional<String> first(String... keys) {
    for (String k : keys) {
      Optional<String> v = get(k);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** The value, or a MissingParameterValue exception naming the key. */
  public String require(String key) {
    return get(key)
        .orElseThrow(
            () ->
                new OwsException(
                    OwsException.MISSING_PARAMETER_VALUE,
                    key.toUpperCase(Locale.ROOT),
                    "parameter " + key.toUpperCase(Locale.ROOT) + " is missing"));
  }

  /** True when the key is present (even with an empty value). */
  public boolean has(String key) {
    return values.containsKey(key);
  }
}
