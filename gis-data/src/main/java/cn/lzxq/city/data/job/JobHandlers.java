package cn.lzxq.city.data.job;

import java.util.Map;

/**
 * A capability's job kinds and their handlers (analysis processes, tile seeding): the node's {@link
 * JobWorker} runs every kind the capabilities of the node register.
 */
public interface JobHandlers {

  /** The handlers, by job kind. */
  Map<String, JobHandler> handlers();
}
