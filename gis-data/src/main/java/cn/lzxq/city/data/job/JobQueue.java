package cn.lzxq.city.data.job;

import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The job table (V30) as a queue: submit, look up, claim with {@code FOR UPDATE SKIP LOCKED},
 * heartbeat, finish, dismiss, purge. Every method is one short transaction (auto-commit); the work
 * itself runs outside (see {@link JobWorker}). SQL: {@code sql/job/*.sql}.
 */
public final class JobQueue {

  /**
   * The columns of a {@link Job} from {@code job j} (slot {@code columns} of the RETURNING
   * statements).
   */
  private static final String COLUMNS =
      "j.id, j.kind, j.inputs::text AS inputs, j.client, j.status, j.progress, j.message, "
          + "j.created, j.started, j.finished, j.updated, j.attempts, j.result_type";

  private final DataSource dataSource;

  public JobQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Queues a job.
   *
   * @param inputs a JSON object text
   * @param maxOpen the most accepted or running jobs the client may have
   * @throws JobLimitException when the client has {@code maxOpen} already
   */
  public Job submit(String kind, String inputs, String client, int maxOpen) throws SQLException {
    List<Job> rows;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('job:' || ?))")) {
          lock.setString(1, client);
          lock.execute();
        }
        rows = query(c, returning("job/submit"), kind, inputs, client, client, maxOpen);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
    if (rows.isEmpty()) {
      throw new JobLimitException(maxOpen);
    }
    return rows.get(0);
  }

  /** The job, if it exists (dismissed jobs too, until purged). */
  public Optional<Job> find(UUID id) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM job j WHERE j.id = ?", id).stream().findFirst();
  }

  /** The most recent jobs of the given kinds, newest first, dismissed ones left out. */
  public List<Job> list(Collection<String> kinds, int limit) throws SQLException {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM job j WHERE j.kind = ANY (?::text[]) AND j.status <> 'dismissed' "
            + "ORDER BY j.created DESC LIMIT ?",
        kinds.toArray(String[]::new),
        limit);
  }

  /** The stored result of a successful job. */
  public Optional<JobResult> result(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT result, result_type FROM job WHERE id = ? AND status = 'successful'")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new JobResult(rs.getBytes(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /**
   * Claims the oldest claimable job of {@code kinds} for {@code node}: accepted, or running with a
   * heartbeat older than {@code staleAfter}. A job already started {@code maxAttempts} times is
   * failed instead and returned with status FAILED.
   */
  public Optional<Job> claim(
      String node, Collection<String> kinds, Duration staleAfter, int maxAttempts)
      throws SQLException {
    double stale = staleAfter.toMillis() / 1000.0;
    List<Job> rows =
        query(
            returning("job/claim"),
            kinds.toArray(String[]::new),
            stale,
            maxAttempts,
            maxAttempts,
            maxAttempts,
            node,
            maxAttempts,
            maxAttempts);
    return rows.stream().findFirst();
  }

  /** Refreshes the heartbeat of {@code ids} on {@code node}; returns those still running there. */
  public Set<UUID> heartbeat(String node, Collection<UUID> ids) throws SQLException {
    Set<UUID> alive = new HashSet<>();
    if (ids.isEmpty()) {
      return alive;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SqlTemplate.load("job/heartbeat"))) {
      ps.setString(1, node);
      ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alive.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return alive;
  }

  /** Sets the progress of a job running on {@code node}. */
  public void progress(UUID id, String node, int percent, String message) throws SQLException {
    update(
        "UPDATE job SET progress = ?, message = ?, updated = now() WHERE id = ? AND node = ? AND status = 'running'",
        Math.max(0, Math.min(100, percent)),
        message,
        id,
        node);
  }

  /**
   * Ends a job running on {@code node} successfully; false when it was dismissed or taken over
   * meanwhile.
   */
  public boolean succeed(UUID id, String node, JobResult result) throws SQLException {
    return finish(id, node, JobStatus.SUCCESSFUL, null, result);
  }

  /** Fails a job running on {@code node}; false when it was dismissed or taken over meanwhile. */
  public boolean fail(UUID id, String node, String message) throws SQLException {
    return finish(id, node, JobStatus.FAILED, message, null);
  }

  private boolean finish(UUID id, String node, JobStatus status, String message, JobResult result)
      throws SQLException {
    return update(
            SqlTemplate.load("job/finish"),
            status.code(),
            message,
            result == null ? null : result.bytes(),
            result == null ? null : result.mediaType(),
            status.code(),
            id,
            node)
        == 1;
  }

  /**
   * Dismisses a job (its result is dropped); empty when it does not exist or was dismissed already.
   */
  public Optional<Job> dismiss(UUID id) throws SQLException {
    return query(returning("job/dismiss"), id).stream().findFirst();
  }

  /**
   * Puts the jobs running on {@code node} back in the queue (a node stopping): another node resumes
   * them.
   */
  public int release(String node) throws SQLException {
    return update(
        "UPDATE job SET status = 'accepted', node = NULL, heartbeat = NULL, progress = 0, "
            + "attempts = greatest(attempts - 1, 0), message = 'requeued: node ' || node || ' stopped', updated = now() "
            + "WHERE node = ? AND status = 'running'",
        node);
  }

  /** Deletes jobs that ended longer than {@code retention} ago; the number deleted. */
  public int purge(Duration retention) throws SQLException {
    return update(SqlTemplate.load("job/purge"), retention.toSeconds());
  }

  /**
   * Cancels the statement running in backend {@code pid} (a job's work, see {@link
   * JobContext#backend}).
   */
  void cancelBackend(int pid) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_cancel_backend(?)")) {
      ps.setInt(1, pid);
      ps.execute();
    }
  }

  private static String returning(String template) {
    return SqlTemplate.render(template, Map.of("columns", COLUMNS));
  }

  private List<Job> query(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query(c, sql, params);
    }
  }

  private static List<Job> query(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, params);
      List<Job> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(job(rs));
        }
      }
      return out;
    }
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, params);
      return ps.executeUpdate();
    }
  }

  private static void bind(Connection c, PreparedStatement ps, Object... params)
      throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof String[] a) {
        ps.setArray(i + 1, c.createArrayOf("text", a));
      } else {
        ps.setObject(i + 1, params[i]);
      }
    }
  }

  private static Job job(ResultSet rs) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("inputs"),
        rs.getString("client"),
        JobStatus.of(rs.getString("status")),
        rs.getInt("progress"),
        rs.getString("message"),
        instant(rs, "created"),
        instant(rs, "started"),
        instant(rs, "finished"),
        instant(rs, "updated"),
        rs.getInt("attempts"),
        rs.getString("result_type"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
