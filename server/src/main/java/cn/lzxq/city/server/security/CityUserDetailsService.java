package cn.lzxq.city.server.security;

import cn.lzxq.city.data.edit.Editor;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users from the {@code app_user} table (V5 migration). */
@Service
class CityUserDetailsService implements UserDetailsService {

  private final JdbcTemplate jdbc;

  CityUserDetailsService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    List<CityUser> users = jdbc.query(
        "SELECT username, password_hash, role, organization, enabled FROM app_user WHERE username = ?",
        (rs, i) -> new CityUser(rs.getString(1), rs.getString(2), Editor.Role.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
            rs.getString(4), rs.getBoolean(5)),
        username);
    if (users.isEmpty()) {
      throw new UsernameNotFoundException("no such user");
    }
    return users.get(0);
  }
}
