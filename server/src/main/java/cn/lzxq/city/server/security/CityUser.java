package cn.lzxq.city.server.security;

import cn.lzxq.city.data.edit.Editor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user of the {@code app_user} table: name, password hash, role (authority ROLE_ADMIN,
 * ROLE_EDITOR or ROLE_VIEWER) and the organisation an editor edits for.
 */
public final class CityUser implements UserDetails {

  private static final long serialVersionUID = 1L;

  private final String username;
  private final String passwordHash;
  private final Editor.Role role;
  private final String organization;
  private final boolean enabled;

  public CityUser(
      String username,
      String passwordHash,
      Editor.Role role,
      String organization,
      boolean enabled) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.organization = organization;
    this.enabled = enabled;
  }

  /** The user as the edit layer sees it. */
  public Editor editor() {
    return new Editor(username, role, role == Editor.Role.EDITOR ? organization : null);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  /** The role name as stored: admin, editor, viewer. */
  public String roleName() {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
