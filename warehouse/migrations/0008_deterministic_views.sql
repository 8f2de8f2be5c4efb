-- deterministic analyst views: ties in incident_events and statements_by_speaker resolve the same way on every query
-- mode() returns any of the tied values, and DuckDB's parallel aggregation picks a different one
-- from one query to the next: the same warehouse queried twice gave different event types and
-- perpetrators for events whose reports split evenly. Every mode() now reads its values in sort
-- order, so a tie goes to the value that sorts first; the perpetrators list is sorted; the latest
-- statement of a speaker breaks a tie on publication time by statement_id (the greatest).
CREATE OR REPLACE VIEW incident_events AS
WITH ordered AS (
    SELECT *,
        CASE WHEN event_day - lag(event_day) OVER w > 1 THEN 1 ELSE 0 END AS new_island
    FROM incident_reports
    WINDOW w AS (PARTITION BY k_country, k_place, k_family ORDER BY event_day, incident_id)
),
islands AS (
    SELECT *,
        sum(new_island) OVER (PARTITION BY k_country, k_place, k_family ORDER BY event_day, incident_id
                              ROWS UNBOUNDED PRECEDING) AS island
    FROM ordered
)
SELECT
    md5(concat_ws('|', k_country, k_place, k_family, CAST(min(event_day) AS VARCHAR)))[:16] AS event_id,
    mode(event_type ORDER BY event_type) AS event_type,
    mode(perpetrator ORDER BY perpetrator) AS perpetrator,
    list_sort(list_distinct(list(perpetrator) FILTER (WHERE perpetrator IS NOT NULL))) AS perpetrators,
    mode(location ORDER BY location) AS location,
    mode(admin1 ORDER BY admin1) AS admin1,
    mode(country_iso3 ORDER BY country_iso3) AS country_iso3,
    avg(latitude) AS latitude,
    avg(longitude) AS longitude,
    min(occurred_on) AS occurred_on,
    count(*) AS reports,
    count(DISTINCT article_id) AS articles,
    min(killed) AS killed_min,
    CAST(median(killed) AS DOUBLE) AS killed_median,
    max(killed) AS killed_max,
    min(wounded) AS wounded_min,
    CAST(median(wounded) AS DOUBLE) AS wounded_median,
    max(wounded) AS wounded_max,
    min(published_at) AS first_reported_at,
    max(published_at) AS last_reported_at,
    list_sort(list_distinct(list(article_id))) AS article_ids,
    list_sort(list(incident_id)) AS incident_ids
FROM islands
GROUP BY k_country, k_place, k_family, island;

CREATE OR REPLACE VIEW statements_by_speaker AS
SELECT
    s.speaker,
    mode(s.speaker_kind ORDER BY s.speaker_kind) AS speaker_kind,
    mode(s.speaker_country ORDER BY s.speaker_country) AS speaker_country,
    mode(s.speaker_title ORDER BY s.speaker_title) AS speaker_title,
    count(*) AS statements,
    count(*) FILTER (WHERE s.mode = 'direct') AS direct_quotes,
    count(DISTINCT s.article_id) AS articles,
    list_sort(list_distinct(list(s.verb))) AS verbs,
    min(a.published_at) AS first_at,
    max(a.published_at) AS last_at,
    arg_max(s.content, (coalesce(a.published_at, TIMESTAMPTZ '1900-01-01'), s.statement_id)) AS latest_content
FROM statements s
JOIN articles a USING (article_id)
GROUP BY s.speaker;

COMMENT ON VIEW incident_events IS 'Canonical violent events: incident reports clustered across articles by country, place, kind of event (explosion, ground attack, strike) and days at most one apart, with the spread of reported tolls.';
COMMENT ON COLUMN incident_events.reports IS 'Number of incident rows (reports) clustered into this event';
COMMENT ON COLUMN incident_events.killed_median IS 'Median of the killed figures reported for the event';
COMMENT ON COLUMN incident_events.article_ids IS 'Articles that report the event';
COMMENT ON VIEW statements_by_speaker IS 'One row per speaker: how often and how they were quoted, and their latest statement.';
