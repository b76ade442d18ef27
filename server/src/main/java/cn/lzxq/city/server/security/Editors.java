package cn.lzxq.city.server.security;

import cn.lzxq.city.data.edit.Editor;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The editing identity of an authenticated request, if it has one. */
public final class Editors {

  private Editors() {}

  /** The editor behind the authentication; empty for anonymous requests. */
  public static Optional<Editor> of(Authentication auth) {
    if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CityUser user) {
      return Optional.of(user.editor());
    }
    return Optional.empty();
  }
}
