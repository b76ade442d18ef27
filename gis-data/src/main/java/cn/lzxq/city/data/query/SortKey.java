package cn.lzxq.city.data.query;

/** One key of a sort order: a property of the layer and the direction. */
public record SortKey(String property, boolean ascending) {}
