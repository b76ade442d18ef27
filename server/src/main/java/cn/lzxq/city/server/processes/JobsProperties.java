package cn.lzxq.city.server.processes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue of this node ({@code city.jobs.*}; docs/ARCHITECTURE.md, "Jobs").
 *
 * @param node this node's name in the job table; empty = host name + a random suffix
 * @param maxRunning jobs this node runs at once (0: it queues only, other nodes run them)
 * @param maxOpenPerClient accepted or running jobs one client (user, or address when anonymous) may
 *     have
 * @param timeLimit time limit of one job (the synchronous analyses have city.analysis.time-limit)
 * @param poll how often an idle node looks for work
 * @param heartbeat how often a node refreshes the heartbeat of its running jobs
 * @param staleAfter heartbeat age after which another node takes a running job over
 * @param maxAttempts most starts of one job before it is failed
 * @param retention how long ended jobs and their results are kept
 */
@ConfigurationProperties("city.jobs")
public record JobsProperties(
    @DefaultValue("") String node,
    @DefaultValue("1") int maxRunning,
    @DefaultValue("3") int maxOpenPerClient,
    @DefaultValue("10m") Duration timeLimit,
    @DefaultValue("1s") Duration poll,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("30s") Duration staleAfter,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("7d") Duration retention) {}
