package cn.lzxq.city.data.user;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash of {@code app_user}: Spring Security's delegating encoder, which writes {@code
 * {bcrypt}…} and accepts every id it knows ({@code {argon2}…} too). The server checks logins with
 * it and {@code city user} writes with it, so the two cannot drift apart.
 */
public final class Passwords {

  private static final PasswordEncoder ENCODER =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  private Passwords() {}

  /** The encoder (thread-safe). */
  public static PasswordEncoder encoder() {
    return ENCODER;
  }
}
