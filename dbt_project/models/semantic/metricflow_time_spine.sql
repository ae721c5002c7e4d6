-- MetricFlow's time spine: one row per day (the days `metric_time` can take). The range covers
-- any date the marts can hold (2000 to 2099); about 36,500 rows, cheap to build.
select spine.date_day
from {{ date_spine_days("cast('2000-01-01' as date)", "cast('2099-12-31' as date)") }} as spine
