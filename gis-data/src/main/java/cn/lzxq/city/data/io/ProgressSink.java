package cn.lzxq.city.data.io;

/**
 * Where importers and exporters report progress on long work; the command line draws a progress bar
 * ({@code cli.Progress}), the server may ignore it.
 */
@FunctionalInterface
public interface ProgressSink {

  /** Reports nothing. */
  ProgressSink NONE =
      (label, total) ->
          new Step() {
            @Override
            public void advance(long n) {}

            @Override
            public void close() {}
          };

  /**
   * A step of work starts.
   *
   * @param label what is done, e.g. "export pipe_js"
   * @param total units that make 100 %, 0 or less when unknown
   */
  Step start(String label, long total);

  /** One step of work in progress. */
  interface Step extends AutoCloseable {

    /** {@code n} more units done. */
    void advance(long n);

    @Override
    void close();
  }
}
