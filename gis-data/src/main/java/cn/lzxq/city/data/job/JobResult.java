package cn.lzxq.city.data.job;

/**
 * The output of a finished job, stored in the queue.
 *
 * @param bytes the output
 * @param mediaType its media type (e.g. application/geo+json)
 */
public record JobResult(byte[] bytes, String mediaType) {}
