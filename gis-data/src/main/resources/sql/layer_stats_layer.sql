count(*) FILTER (WHERE ({filter}) AND t.{geom}_finite) AS n{i},
count(*) FILTER (WHERE ({filter}) AND NOT t.{geom}_finite) AS skipped{i},
ST_Extent(t.{geom}) FILTER (WHERE ({filter}) AND t.{geom}_finite) AS box{i}
