/**
 * Operations metrics for Prometheus at {@code /actuator/prometheus} (admins only): requests per
 * endpoint and status with latency histograms (Spring's {@code http.server.requests}), the database
 * pool (Hikari), the job queue and replication (gauges of {@link
 * cn.lzxq.city.server.metrics.DatabaseMetrics}). Times in seconds.
 */
package cn.lzxq.city.server.metrics;
