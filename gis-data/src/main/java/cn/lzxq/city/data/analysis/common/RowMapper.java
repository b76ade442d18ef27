package cn.lzxq.city.data.analysis.common;

import java.sql.SQLException;

/** Turns one row into a value. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(Row row) throws SQLException;
}
