package cn.lzxq.city.data.job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's share of the job queue: claims jobs of the kinds it has handlers for, at most {@link
 * Settings#maxRunning()} at a time, runs them, keeps their heartbeat fresh, cancels the ones
 * dismissed meanwhile, and purges old ended jobs. Stopping it puts its running jobs back in the
 * queue (accepted), so another node or the next start resumes them at once; a node that dies leaves
 * them running with a heartbeat that goes stale, and they are claimed again after {@link
 * Settings#staleAfter()}.
 */
public final class JobWorker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

  /**
   * @param node this node's name in the job table (unique per running process)
   * @param maxRunning most jobs this node runs at once (0: it only queues; others run them)
   * @param poll how often an idle node looks for work
   * @param heartbeat how often the node refreshes the heartbeat of its running jobs
   * @param staleAfter heartbeat age after which a running job counts as orphaned
   * @param maxAttempts most starts of one job before it fails (a job that kills its node)
   * @param retention how long ended jobs and their results are kept
   */
  public record Settings(
      String node,
      int maxRunning,
      Duration poll,
      Duration heartbeat,
      Duration staleAfter,
      int maxAttempts,
      Duration retention) {}

  private final JobQueue queue;
  private final Map<String, JobHandler> handlers;
  private final Settings settings;
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final ExecutorService pool;

  public JobWorker(JobQueue queue, Map<String, JobHandler> handlers, Settings settings) {
    this.queue = queue;
    this.handlers = Map.copyOf(handlers);
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-timer"));
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, settings.maxRunning()), r -> daemon(r, "job-run-" + n.incrementAndGet()));
  }

  /** Starts polling, heartbeats and purging. */
  public void start() {
    long poll = settings.poll().toMillis();
    long beat = settings.heartbeat().toMillis();
    timer.scheduleWithFixedDelay(() -> guard(this::fill), 0, poll, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(() -> guard(this::beat), beat, beat, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        () -> guard(() -> queue.purge(settings.retention())), 1, 60, TimeUnit.MINUTES);
  }

  /** Looks for work now (after a submission on this node) instead of at the next poll. */
  public void wake() {
    timer.execute(() -> guard(this::fill));
  }

  /** The kinds this node runs. */
  public Set<String> kinds() {
    return handlers.keySet();
  }

  /** Stops: running work is cancelled and its jobs go back to the queue for another node. */
  @Override
  public void close() {
    timer.shutdownNow();
    running.values().forEach(Running::cancel);
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
      queue.release(settings.node());
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "could not put the running jobs of " + settings.node() + " back in the queue",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fill() throws SQLException {
    while (running.size() < settings.maxRunning() && !timer.isShutdown()) {
      Optional<Job> claimed =
          queue.claim(
              settings.node(), handlers.keySet(), settings.staleAfter(), settings.maxAttempts());
      if (claimed.isEmpty()) {
        return;
      }
      Job job = claimed.get();
      if (job.status() == JobStatus.RUNNING) {
        Running r = new Running(job);
        running.put(job.id(), r);
        pool.execute(() -> run(r));
      }
    }
  }

  private void run(Running r) {
    Job job = r.job;
    try {
      JobResult result = handlers.get(job.kind()).run(job, r);
      r.release();
      if (!r.cancelled()) {
        queue.succeed(job.id(), settings.node(), result);
      }
    } catch (Exception | Error e) {
      r.release();
      if (!r.cancelled()) {
        LOG.log(Level.INFO, "job " + job.id() + " (" + job.kind() + ") failed", e);
        guard(
            () ->
                queue.fail(
                    job.id(),
                    settings.node(),
                    e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    } finally {
      running.remove(job.id());
      wake();
    }
  }

  private void beat() throws SQLException {
    if (running.isEmpty()) {
      return;
    }
    Set<UUID> alive = queue.heartbeat(settings.node(), running.keySet());
    running.values().stream().filter(r -> !alive.contains(r.job.id())).forEach(Running::cancel);
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void guard(SqlAction action) {
    try {
      action.run();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "job queue", e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A job running on this node: its context for the handler. */
  private final class Running implements JobContext {

    private final Job job;
    private volatile boolean cancelled;
    private int backendPid;

    Running(Job job) {
      this.job = job;
    }

    @Override
    public void progress(int percent, String message) {
      guard(() -> queue.progress(job.id(), settings.node(), percent, message));
    }

    @Override
    public synchronized void backend(int pid) throws JobCancelledException {
      if (cancelled && pid != 0) {
        throw new JobCancelledException();
      }
      backendPid = pid;
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }

    synchronized void release() {
      backendPid = 0;
    }

    synchronized void cancel() {
      cancelled = true;
      if (backendPid != 0) {
        guard(() -> queue.cancelBackend(backendPid));
      }
    }
  }
}
