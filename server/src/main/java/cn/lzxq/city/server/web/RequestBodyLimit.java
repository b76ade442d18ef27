package cn.lzxq.city.server.web;

import cn.lzxq.city.server.error.ErrorBodies;
import cn.lzxq.city.server.error.RequestTooLarge;
import cn.lzxq.city.server.ows.OwsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses POST, PUT and PATCH bodies over {@link HttpProperties#maxRequestBody()} on every endpoint
 * before they are read: a declared Content-Length over the limit is answered 413 at once (the
 * connection is closed rather than drained); a chunked body is read through a counting stream that
 * throws {@link RequestTooLarge} when it passes the limit, which each protocol answers as 413 in
 * its own form. Form bodies are parsed by Tomcat (its max-http-form-post-size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final long limit;

  RequestBodyLimit(HttpProperties settings) {
    this.limit = settings.maxRequestBody().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!WITH_BODY.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, new RequestTooLarge(limit));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, RequestTooLarge e)
      throws IOException {
    response.setHeader("Connection", "close");
    ErrorBodies.write(
        request,
        response,
        new OwsException(OwsException.NO_APPLICABLE_CODE, null, e.getMessage(), 413));
  }

  /** The request with its body read through a counting stream. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream in;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new Counting(super.getInputStream(), limit);
      }
      return in;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** Counts the bytes read and throws {@link RequestTooLarge} past the limit. */
  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new RequestTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
