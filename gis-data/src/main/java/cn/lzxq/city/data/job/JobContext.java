package cn.lzxq.city.data.job;

import java.sql.SQLException;

/**
 * What a running {@link JobHandler} may tell the queue: its progress, and the database backend it
 * is working in, so that dismissing the job can cancel the statement running there.
 */
public interface JobContext {

  /** Sets the job's progress (0–100) and message. */
  void progress(int percent, String message);

  /**
   * The PostgreSQL backend ({@code pg_backend_pid()}) of the connection the handler works in, 0
   * once it is done with it: dismissing the job cancels that backend's statement ({@code
   * pg_cancel_backend}) while it is set.
   *
   * @throws JobCancelledException when the job was dismissed already (set before the statement
   *     starts)
   */
  void backend(int pid) throws JobCancelledException;

  /** True once the job was dismissed (or taken over as stale): the handler should stop. */
  boolean cancelled();

  /** Throws {@link JobCancelledException} when {@link #cancelled()}. */
  default void checkCancelled() throws SQLException {
    if (cancelled()) {
      throw new JobCancelledException();
    }
  }
}
