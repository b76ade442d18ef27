package cn.lzxq.city.data.job;

import java.sql.SQLException;

/** Thrown inside a handler whose job was dismissed while it ran. */
public final class JobCancelledException extends SQLException {

  public JobCancelledException() {
    super("job dismissed");
  }
}
