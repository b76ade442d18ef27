package cn.lzxq.city.data.job;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the job queue (table {@code job}, migration V30).
 *
 * @param id the job id
 * @param kind what to run: the process id (clearance, collision, cover; later tile seeding …)
 * @param inputs the inputs as a JSON object text
 * @param client who submitted it: {@code user:<name>} or {@code anon:<address>}
 * @param progress 0–100, set by the running node
 * @param message what the job is doing, or why it failed
 * @param attempts how many times a node has started it
 * @param resultType media type of the stored result (null before success)
 */
public record Job(
    UUID id,
    String kind,
    String inputs,
    String client,
    JobStatus status,
    int progress,
    String message,
    Instant created,
    Instant started,
    Instant finished,
    Instant updated,
    int attempts,
    String resultType) {}
