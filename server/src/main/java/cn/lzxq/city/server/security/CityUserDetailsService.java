package cn.lzxq.city.server.security;

import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.server.error.Failures;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users from the {@code app_user} table (V5 migration). Each user read is remembered for
 * {@link #OUTAGE_GRACE}: while the database cannot be reached (or no pooled connection comes free
 * in time), a user read within that time is answered from memory (the password is still checked
 * against the remembered hash), so valid credentials are not refused because the database is down;
 * others get 503 ({@link OutageAwareEntryPoint}), never 401.
 */
@Service
class CityUserDetailsService implements UserDetailsService {

  /** How long a user read from the database stays usable while the database is away. */
  static final Duration OUTAGE_GRACE = Duration.ofMinutes(10);

  private record Remembered(CityUser user, long readNanos) {}

  private final JdbcTemplate jdbc;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  CityUserDetailsService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    List<CityUser> users;
    try {
      users =
          jdbc.query(
              "SELECT username, password_hash, role, organization, enabled FROM app_user WHERE username = ?",
              (rs, i) ->
                  new CityUser(
                      rs.getString(1),
                      rs.getString(2),
                      Editor.Role.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                      rs.getString(4),
                      rs.getBoolean(5)),
              username);
    } catch (DataAccessException e) {
      Remembered r = remembered.get(username);
      if (Failures.retryLater(e)
          && r != null
          && System.nanoTime() - r.readNanos() < OUTAGE_GRACE.toNanos()) {
        return r.user();
      }
      throw e;
    }
    if (users.isEmpty()) {
      remembered.remove(username);
      throw new UsernameNotFoundException("no such user");
    }
    remembered.put(username, new Remembered(users.get(0), System.nanoTime()));
    return users.get(0);
  }
}
