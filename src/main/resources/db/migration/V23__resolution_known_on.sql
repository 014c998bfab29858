-- The day a resolution's answer became known: forecasts made on or after it are kept but not scored. The scores'
-- queries compare each forecast with closes_at, which from now on is the earliest of due_at, resolved_at and the
-- start of known_on in hindsight.zone (Prediction.resolve sets it).
alter table prediction add column known_on date;

-- Resolutions recorded before: the answer was known by the day they were resolved on. Their close moves to the start
-- of that day where it was later, taken in UTC (the default hindsight.zone; the zone is not known to SQL), so a
-- forecast made on the resolution day no longer scores there either. The literal is the one both databases read.
update prediction set known_on = resolved_on where status = 'RESOLVED';
update prediction set closes_at = cast(cast(known_on as varchar(10)) || ' 00:00:00+00:00' as timestamp with time zone)
    where status = 'RESOLVED'
      and closes_at > cast(cast(known_on as varchar(10)) || ' 00:00:00+00:00' as timestamp with time zone);
