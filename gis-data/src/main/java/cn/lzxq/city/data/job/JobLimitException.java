package cn.lzxq.city.data.job;

/** A submission refused because its client already has the most open jobs allowed. */
public final class JobLimitException extends RuntimeException {

  public JobLimitException(int maxOpen) {
    super(
        "已有 "
            + maxOpen
            + " 个排队或运行中的作业，请等待其完成或撤销 / this client already has "
            + maxOpen
            + " queued or running jobs: wait for one to end or dismiss one");
  }
}
