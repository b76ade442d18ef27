/**
 * Clearance (净距) between pipes: horizontal and vertical clearances measured wall to wall, in
 * metres, against the rule table {@code clearance_rule} (GB 50289-2016 Tables 4.1.9 and 4.1.14, GB
 * 50028-2006 gas clauses), for the existing network in a scope or a proposed pipe. Every violation
 * cites its rule row (clause, confidence).
 */
package cn.lzxq.city.data.analysis.clearance;
