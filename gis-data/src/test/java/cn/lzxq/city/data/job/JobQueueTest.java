package cn.lzxq.city.data.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job queue (V30) on the real database: limits, SKIP LOCKED claiming, stale heartbeats,
 * dismissal of running work.
 */
class JobQueueTest {

  private static final Duration STALE = Duration.ofSeconds(30);
  private static HikariDataSource db;
  private static JobQueue queue;

  @BeforeAll
  static void schema() {
    db = TestDatabase.freshSchema("JobQueue");
    queue = new JobQueue(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() throws Exception {
    Sql.exec(db, "DELETE FROM job");
  }

  @Test
  void aClientHasAtMostMaxOpenJobsAndEndedOnesDoNotCount() throws Exception {
    Job a = queue.submit("clearance", "{\"bbox\":\"1,2,3,4\"}", "anon:10.0.0.1", 2);
    queue.submit("clearance", "{}", "anon:10.0.0.1", 2);
    assertThat(a.status()).isEqualTo(JobStatus.ACCEPTED);
    assertThat(a.inputs()).isEqualTo("{\"bbox\": \"1,2,3,4\"}");
    assertThatThrownBy(() -> queue.submit("cover", "{}", "anon:10.0.0.1", 2))
        .isInstanceOf(JobLimitException.class);
    // another client is not affected; a dismissed job frees a place
    assertThat(queue.submit("cover", "{}", "user:admin", 2).client()).isEqualTo("user:admin");
    queue.dismiss(a.id());
    assertThat(queue.submit("cover", "{}", "anon:10.0.0.1", 2).kind()).isEqualTo("cover");
  }

  @Test
  void claimTakesTheOldestAndSkipsAJobLockedByAnotherNode() throws Exception {
    Job first = queue.submit("clearance", "{}", "c", 9);
    Job second = queue.submit("clearance", "{}", "c", 9);
    queue.submit("tiles", "{}", "c", 9);
    try (Connection other = db.getConnection();
        Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.execute(
          "SELECT 1 FROM job WHERE id = '" + first.id() + "' FOR UPDATE"); // another node mid-claim
      Job claimed = queue.claim("n1", List.of("clearance"), STALE, 3).orElseThrow();
      assertThat(claimed.id()).isEqualTo(second.id());
      other.rollback();
    }
    Job claimed = queue.claim("n1", List.of("clearance"), STALE, 3).orElseThrow();
    assertThat(claimed.id()).isEqualTo(first.id());
    assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.started()).isNotNull();
    // nothing else of that kind: the tiles job waits for a node that runs tiles
    assertThat(queue.claim("n2", List.of("clearance"), STALE, 3)).isEmpty();
  }

  @Test
  void aRunningJobWhoseHeartbeatWentStaleIsResumedByAnotherNodeAndGivenUpAfterMaxAttempts()
      throws Exception {
    Job job = queue.submit("clearance", "{}", "c", 9);
    queue.claim("n1", List.of("clearance"), STALE, 2).orElseThrow();
    assertThat(queue.heartbeat("n1", List.of(job.id()))).containsExactly(job.id());
    assertThat(queue.claim("n2", List.of("clearance"), STALE, 2)).isEmpty(); // n1 is alive
    Sql.exec(db, "UPDATE job SET heartbeat = now() - interval '31 seconds'"); // n1 died 31 s ago
    Job resumed = queue.claim("n2", List.of("clearance"), STALE, 2).orElseThrow();
    assertThat(resumed.id()).isEqualTo(job.id());
    assertThat(resumed.attempts()).isEqualTo(2);
    // n1 comes back: its heartbeat no longer holds the job, and it cannot finish it
    assertThat(queue.heartbeat("n1", List.of(job.id()))).isEmpty();
    assertThat(queue.succeed(job.id(), "n1", new JobResult(new byte[0], "text/plain"))).isFalse();
    // n2 dies too: after two starts the job fails instead of taking down a third node
    Sql.exec(db, "UPDATE job SET heartbeat = now() - interval '31 seconds'");
    Job given = queue.claim("n3", List.of("clearance"), STALE, 2).orElseThrow();
    assertThat(given.status()).isEqualTo(JobStatus.FAILED);
    assertThat(given.message()).contains("2 attempts");
  }

  @Test
  void aWorkerRunsReportsProgressAndStoresTheResult() throws Exception {
    JobHandler echo =
        (job, ctx) -> {
          ctx.progress(50, "half way");
          return new JobResult(job.inputs().getBytes(StandardCharsets.UTF_8), "application/json");
        };
    try (JobWorker worker = worker("w1", Map.of("echo", echo))) {
      worker.start();
      Job job = queue.submit("echo", "{\"a\":1}", "c", 9);
      Job done = await(job.id(), JobStatus.SUCCESSFUL);
      assertThat(done.progress()).isEqualTo(100);
      assertThat(new String(queue.result(job.id()).orElseThrow().bytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"a\": 1}");
    }
    // a failing handler fails the job with its message
    JobHandler broken =
        (job, ctx) -> {
          throw new IllegalStateException("no such road");
        };
    try (JobWorker worker = worker("w2", Map.of("broken", broken))) {
      worker.start();
      Job job = queue.submit("broken", "{}", "c", 9);
      assertThat(await(job.id(), JobStatus.FAILED).message()).isEqualTo("no such road");
      assertThat(queue.result(job.id())).isEmpty();
    }
  }

  @Test
  void dismissingARunningJobCancelsItsStatementAndStoppingANodeRequeuesItsJobs() throws Exception {
    JobHandler sleep =
        (job, ctx) -> {
          try (Connection c = db.getConnection();
              Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
              rs.next();
              ctx.backend(rs.getInt(1));
            }
            try {
              s.execute("SELECT pg_sleep(60) /* job-sleep */");
            } finally {
              ctx.backend(0);
            }
          }
          return new JobResult(new byte[0], "text/plain");
        };
    JobWorker worker = worker("w3", Map.of("sleep", sleep));
    worker.start();
    Job job = queue.submit("sleep", "{}", "c", 9);
    await(job.id(), JobStatus.RUNNING);
    awaitSleeping(1);
    long t0 = System.nanoTime();
    assertThat(queue.dismiss(job.id()).orElseThrow().status()).isEqualTo(JobStatus.DISMISSED);
    awaitSleeping(0); // the next heartbeat (200 ms) cancels the backend's statement
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(queue.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.DISMISSED);
    assertThat(queue.dismiss(job.id())).isEmpty();

    // a node that stops puts its running job back in the queue at once
    Job second = queue.submit("sleep", "{}", "c", 9);
    await(second.id(), JobStatus.RUNNING);
    awaitSleeping(1);
    worker.close();
    Job requeued = queue.find(second.id()).orElseThrow();
    assertThat(requeued.status()).isEqualTo(JobStatus.ACCEPTED);
    assertThat(requeued.attempts()).isZero();
    awaitSleeping(0);
    Sql.exec(db, "DELETE FROM job");
  }

  private static JobWorker worker(String node, Map<String, JobHandler> handlers) {
    return new JobWorker(
        queue,
        handlers,
        new JobWorker.Settings(
            node, 1, Duration.ofMillis(100), Duration.ofMillis(200), STALE, 3, Duration.ofDays(1)));
  }

  private static Job await(UUID id, JobStatus status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Job> job = queue.find(id);
      if (job.isPresent() && job.get().status() == status) {
        return job.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " never reached " + status + ": " + queue.find(id));
  }

  private static void awaitSleeping(long n) throws Exception {
    String sql =
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%job-sleep */'";
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Sql.count(db, sql) != n) {
      assertThat(System.nanoTime()).as("backends running the sleep").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
