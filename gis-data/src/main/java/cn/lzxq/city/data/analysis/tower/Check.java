package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.RuleRef;

/**
 * One test of a verdict, with the rule it applied.
 *
 * @param name what was checked (tenants, height, operator, spacing, zoning …)
 * @param ok passed
 * @param detail the figures, in Chinese and English
 * @param rule the rule row (null for facts such as the operator already being a tenant)
 */
public record Check(String name, boolean ok, String detail, RuleRef rule) {}
