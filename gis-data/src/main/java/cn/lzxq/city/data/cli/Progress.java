package cn.lzxq.city.data.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long command-line work, drawn on standard error.
 *
 * <p>On a terminal it redraws one line at most ten times a second; otherwise (CI logs, pipes) it
 * prints a line at every tenth of the way. Thread-safe, so parallel workers may share one.
 */
public final class Progress implements AutoCloseable {

  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long done;
  private long lastDrawNanos;
  private int lastTenth = -1;

  /**
   * @param label what is being done, e.g. "loading pipe_segment"
   * @param total how many units make 100 %; 0 or less when unknown
   */
  public Progress(String label, long total) {
    this(label, total, System.err, System.console() != null);
  }

  Progress(String label, long total, PrintStream out, boolean terminal) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.terminal = terminal;
  }

  /** Records {@code n} more units done. */
  public synchronized void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (terminal && now - lastDrawNanos > 100_000_000L) {
      lastDrawNanos = now;
      out.print("\r" + line());
    } else if (!terminal && total > 0) {
      int tenth = (int) Math.min(10, done * 10 / total);
      if (tenth != lastTenth) {
        lastTenth = tenth;
        out.println(line());
      }
    }
  }

  /** The units done so far. */
  public synchronized long done() {
    return done;
  }

  String line() {
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %,d (%.0f/s)", label, done, rate);
    }
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%% %,d/%,d (%.0f/s)",
        label,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        Math.min(100, done * 100 / total),
        done,
        total,
        rate);
  }

  @Override
  public synchronized void close() {
    double seconds = (System.nanoTime() - started) / 1e9;
    out.print(terminal ? "\r" : "");
    out.println(String.format(Locale.ROOT, "%s: %,d in %.1f s", label, done, seconds));
  }
}
