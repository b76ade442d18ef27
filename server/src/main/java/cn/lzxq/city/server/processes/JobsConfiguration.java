package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobHandlers;
import cn.lzxq.city.data.job.JobQueue;
import cn.lzxq.city.data.job.JobWorker;
import cn.lzxq.city.server.analysis.AnalysisProperties;
import cn.lzxq.city.server.analysis.AnswerWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job queue, this node's worker (started with the application, stopped with it) and the
 * analysis processes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

  @Bean
  JobQueue jobQueue(DataSource dataSource) {
    return new JobQueue(dataSource);
  }

  @Bean
  AnalysisProcesses analysisProcesses(
      AnalysisDb db,
      AnswerWriter writer,
      JsonMapper json,
      JobsProperties props,
      AnalysisProperties analysis,
      ObjectProvider<ExtraProcess> extras) {
    return new AnalysisProcesses(
        db, writer, json, props.timeLimit(), analysis.timeLimit(), extras.orderedStream().toList());
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  JobWorker jobWorker(JobQueue queue, List<JobHandlers> kinds, JobsProperties p) {
    Map<String, JobHandler> handlers = new LinkedHashMap<>();
    kinds.forEach(k -> handlers.putAll(k.handlers()));
    return new JobWorker(
        queue,
        handlers,
        new JobWorker.Settings(
            node(p),
            p.maxRunning(),
            p.poll(),
            p.heartbeat(),
            p.staleAfter(),
            p.maxAttempts(),
            p.retention()));
  }

  /** The configured node name, or host name plus a random suffix (unique per process). */
  private static String node(JobsProperties p) {
    if (!p.node().isBlank()) {
      return p.node();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
