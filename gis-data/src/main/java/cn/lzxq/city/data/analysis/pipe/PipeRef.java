package cn.lzxq.city.data.analysis.pipe;

/**
 * A pipe segment in an answer.
 *
 * @param fid       stable feature id
 * @param network   JS PS RQ RL DL TX (or the proposed pipe's type; fid 0 is the proposed pipe)
 * @param sizeMm    DN or box width, millimetres
 * @param owner     权属单位 code
 * @param ownerName the owner's name
 */
public record PipeRef(long fid, String network, Integer sizeMm, String owner, String ownerName) {
}
