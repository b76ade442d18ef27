package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.io.ProgressSink;

/** Shows the steps of an import or export as {@link Progress} bars on standard error. */
final class ProgressBars implements ProgressSink {

  @Override
  public Step start(String label, long total) {
    Progress bar = new Progress(label, total);
    return new Step() {
      @Override
      public void advance(long n) {
        bar.advance(n);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
