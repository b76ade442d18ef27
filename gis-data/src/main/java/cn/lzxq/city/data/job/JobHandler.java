package cn.lzxq.city.data.job;

/**
 * Runs the jobs of one kind. An exception fails the job with its message; work that may run long
 * should report its backend through {@link JobContext#backend} so a dismissal can cancel it.
 */
@FunctionalInterface
public interface JobHandler {

  JobResult run(Job job, JobContext context) throws Exception;
}
