package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.job.JobHandler;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A process of another capability than the pipe analyses (coverage): it is listed and described
 * like them and runs as a job of the one queue, but checks its own inputs and runs its own handler.
 * A bean of this type is picked up by {@link JobsConfiguration}; its inputs need titles in {@link
 * ProcessDocuments}.
 */
public interface ExtraProcess {

  /** Process id and job kind. */
  String id();

  String titleZh();

  String titleEn();

  String description();

  /** The input names it accepts. */
  Set<String> inputs();

  /**
   * Checks a submission's inputs at once (null = none).
   *
   * @throws cn.lzxq.city.data.analysis.common.AnalysisInputException for bad input (400)
   */
  void check(JsonNode inputs);

  /** Runs its jobs. */
  JobHandler handler();
}
