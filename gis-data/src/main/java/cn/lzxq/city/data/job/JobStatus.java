package cn.lzxq.city.data.job;

import java.util.Locale;

/**
 * The states of a job, named as OGC API - Processes 1.0 names them (statusCode). A job moves
 * ACCEPTED → RUNNING → SUCCESSFUL or FAILED; DISMISSED ends it at any point (its result is gone).
 */
public enum JobStatus {
  ACCEPTED,
  RUNNING,
  SUCCESSFUL,
  FAILED,
  DISMISSED;

  /** The wire name: accepted, running, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a wire name. */
  public static JobStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** True once the job has ended (successful, failed or dismissed). */
  public boolean ended() {
    return this != ACCEPTED && this != RUNNING;
  }
}
