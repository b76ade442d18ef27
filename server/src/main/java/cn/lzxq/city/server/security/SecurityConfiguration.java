package cn.lzxq.city.server.security;

import cn.lzxq.city.data.user.Passwords;
import cn.lzxq.city.server.web.CorsPolicy;
import cn.lzxq.city.server.web.HttpProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may do what. Reads are public when {@code city.security.public-reads} is true (the default):
 * every GET/HEAD, and POST to /wms, /wfs and /ows (WFS GetFeature by XML is a read). Writes need
 * HTTP Basic (QGIS supports it) with role admin or editor: OGC API POST/PUT/PATCH/ DELETE here; WFS
 * Transaction in the WFS controller, which sees the operation inside the POST body. Analysis jobs
 * (OGC API Processes execution and dismissal) follow the reads. Stateless, CSRF off for the OGC
 * endpoints (machine clients), bcrypt through the delegating password encoder; CORS (preflight
 * included) by {@link CorsPolicy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  static final String REALM = "lzxq-city";

  @Bean
  PasswordEncoder passwordEncoder() {
    return Passwords.encoder();
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http, SecurityProperties settings, HttpProperties httpSettings)
      throws Exception {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName(REALM);
    basic.afterPropertiesSet();
    OutageAwareEntryPoint entryPoint = new OutageAwareEntryPoint(basic);
    http.csrf(c -> c.ignoringRequestMatchers("/wfs", "/wms", "/ows", "/ogcapi/**", "/api/**"))
        .cors(c -> c.configurationSource(CorsPolicy.source(httpSettings, settings.publicReads())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
              a.requestMatchers("/actuator/prometheus").hasRole("ADMIN");
              // OGC API Processes: running an analysis job is a read (as POST /api/analysis),
              // bounded per client
              // and node (city.jobs); ProcessesController lets only the submitter or an admin
              // dismiss a job.
              String[] jobs = {"/ogcapi/processes/*/execution", "/ogcapi/jobs/*"};
              if (settings.publicReads()) {
                a.requestMatchers(HttpMethod.POST, jobs[0]).permitAll();
                a.requestMatchers(HttpMethod.DELETE, jobs[1]).permitAll();
              } else {
                a.requestMatchers(HttpMethod.POST, jobs[0]).authenticated();
                a.requestMatchers(HttpMethod.DELETE, jobs[1]).authenticated();
              }
              a.requestMatchers(HttpMethod.POST, "/ogcapi/**").hasAnyRole("ADMIN", "EDITOR");
              a.requestMatchers(HttpMethod.PUT, "/ogcapi/**").hasAnyRole("ADMIN", "EDITOR");
              a.requestMatchers(HttpMethod.PATCH, "/ogcapi/**").hasAnyRole("ADMIN", "EDITOR");
              a.requestMatchers(HttpMethod.DELETE, "/ogcapi/**").hasAnyRole("ADMIN", "EDITOR");
              if (settings.publicReads()) {
                a.requestMatchers(HttpMethod.GET).permitAll();
                a.requestMatchers(HttpMethod.HEAD).permitAll();
                a.requestMatchers(HttpMethod.OPTIONS).permitAll();
                a.requestMatchers(HttpMethod.POST, "/wfs", "/wms", "/ows", "/api/analysis/**")
                    .permitAll(); // analyses are reads
              } else {
                a.requestMatchers(HttpMethod.GET).authenticated();
                a.requestMatchers(HttpMethod.HEAD).authenticated();
                a.requestMatchers(HttpMethod.POST, "/wfs", "/wms", "/ows", "/api/analysis/**")
                    .authenticated();
              }
              a.anyRequest().hasAnyRole("ADMIN", "EDITOR");
            });
    return http.build();
  }
}
