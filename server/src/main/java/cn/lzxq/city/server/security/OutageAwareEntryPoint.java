package cn.lzxq.city.server.security;

import cn.lzxq.city.server.error.ErrorBodies;
import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.ows.OwsException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a failed authentication: 503 with Retry-After, in the endpoint's protocol form, when the
 * user could not be looked up because the database is away or no pooled connection came free (a
 * client such as QGIS would otherwise ask for the password again); the HTTP Basic challenge (401)
 * otherwise.
 */
final class OutageAwareEntryPoint implements AuthenticationEntryPoint {

  private final AuthenticationEntryPoint challenge;

  OutageAwareEntryPoint(AuthenticationEntryPoint challenge) {
    this.challenge = challenge;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException, ServletException {
    if (e != null && Failures.retryLater(e)) {
      ErrorBodies.write(request, response, OwsException.of(e, request)); // logs it
      return;
    }
    challenge.commence(request, response, e);
  }
}
