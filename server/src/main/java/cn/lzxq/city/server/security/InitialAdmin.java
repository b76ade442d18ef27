package cn.lzxq.city.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the initial admin from CITY_ADMIN_USER / CITY_ADMIN_PASSWORD at start-up when that user
 * does not exist yet (when the application is ready, so after the start-up migrations). Nothing
 * happens when the variables are unset.
 */
@Component
class InitialAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final SecurityProperties settings;

  InitialAdmin(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityProperties settings) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createAdmin() {
    if (settings.adminUser().isBlank() || settings.adminPassword().isBlank()) {
      return;
    }
    try {
      int created =
          jdbc.update(
              "INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, 'admin') "
                  + "ON CONFLICT (username) DO NOTHING",
              settings.adminUser(),
              encoder.encode(settings.adminPassword()));
      if (created > 0) {
        LOG.info("initial admin '{}' created", settings.adminUser());
      }
    } catch (RuntimeException e) {
      LOG.warn("initial admin not created: {}", e.getMessage());
    }
  }
}
