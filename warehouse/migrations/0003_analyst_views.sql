-- analyst views: incident_events, refugee_flows_monthly, statements_by_speaker, with comments
CREATE OR REPLACE VIEW incident_reports AS
WITH base AS (
    SELECT
        i.*,
        CAST(a.published_at AT TIME ZONE 'UTC' AS DATE) AS published_on,
        a.published_at,
        coalesce(i.country_iso3, '?') AS k_country,
        lower(coalesce(i.location, i.admin1, '?')) AS k_place,
        CASE
            WHEN i.event_type IN ('suicide_bombing', 'bombing') THEN 'explosion'
            WHEN i.event_type IN ('armed_attack', 'armed_clash', 'execution', 'abduction') THEN 'ground'
            WHEN i.event_type IN ('airstrike', 'shelling') THEN 'strike'
            ELSE 'other'
        END AS k_family
    FROM incidents i
    JOIN articles a USING (article_id)
),
dated AS (
    SELECT * FROM base WHERE occurred_on IS NOT NULL
),
undated AS (
    SELECT * FROM base WHERE occurred_on IS NULL
),
-- an undated report joins the latest dated event of the same place and kind reported up to
-- three days before its publication; otherwise its publication day stands in for the date
undated_placed AS (
    SELECT u.*, CASE WHEN d.occurred_on IS NOT NULL AND u.published_on - d.occurred_on <= 3
                     THEN d.occurred_on ELSE u.published_on END AS event_day
    FROM undated u
    ASOF LEFT JOIN (SELECT DISTINCT k_country, k_place, k_family, occurred_on FROM dated) d
      ON u.k_country = d.k_country AND u.k_place = d.k_place AND u.k_family = d.k_family
     AND u.published_on >= d.occurred_on
)
SELECT *, occurred_on AS event_day FROM dated
UNION ALL BY NAME
SELECT * FROM undated_placed;

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
    mode(event_type) AS event_type,
    mode(perpetrator) AS perpetrator,
    list_distinct(list(perpetrator) FILTER (WHERE perpetrator IS NOT NULL)) AS perpetrators,
    mode(location) AS location,
    mode(admin1) AS admin1,
    mode(country_iso3) AS country_iso3,
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

CREATE OR REPLACE VIEW refugee_flows_monthly AS
SELECT
    CAST(date_trunc('month', coalesce(r.period_end, r.period_start,
                                      CAST(a.published_at AT TIME ZONE 'UTC' AS DATE))) AS DATE) AS month,
    r.movement,
    r.origin_iso3,
    array_to_string(list_sort(r.location_iso3), ',') AS location_iso3,
    r.destination_iso3,
    r.unit,
    count(*) AS reports,
    count(DISTINCT r.article_id) AS articles,
    sum(r.count) AS count_sum,
    max(r.count) AS count_max,
    list_sort(list_distinct(list(r.article_id))) AS article_ids
FROM refugee_counts r
JOIN articles a USING (article_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW statements_by_speaker AS
SELECT
    s.speaker,
    mode(s.speaker_kind) AS speaker_kind,
    mode(s.speaker_country) AS speaker_country,
    mode(s.speaker_title) AS speaker_title,
    count(*) AS statements,
    count(*) FILTER (WHERE s.mode = 'direct') AS direct_quotes,
    count(DISTINCT s.article_id) AS articles,
    list_sort(list_distinct(list(s.verb))) AS verbs,
    min(a.published_at) AS first_at,
    max(a.published_at) AS last_at,
    arg_max(s.content, coalesce(a.published_at, TIMESTAMPTZ '1900-01-01')) AS latest_content
FROM statements s
JOIN articles a USING (article_id)
GROUP BY s.speaker;

COMMENT ON VIEW incident_reports IS 'Every incident row with the day used to cluster it into events (occurred_on, or for an undated report the latest event of the same place and kind reported up to 3 days before publication, else the publication day).';
COMMENT ON VIEW incident_events IS 'Canonical violent events: incident reports clustered across articles by country, place, kind of event (explosion, ground attack, strike) and days at most one apart, with the spread of reported tolls.';
COMMENT ON COLUMN incident_events.reports IS 'Number of incident rows (reports) clustered into this event';
COMMENT ON COLUMN incident_events.killed_median IS 'Median of the killed figures reported for the event';
COMMENT ON COLUMN incident_events.article_ids IS 'Articles that report the event';
COMMENT ON VIEW refugee_flows_monthly IS 'Refugee counts by month (of the period end, else start, else publication), movement, origin, location, destination and unit; count_sum may double-count figures reported by several articles, count_max does not.';
COMMENT ON VIEW statements_by_speaker IS 'One row per speaker: how often and how they were quoted, and their latest statement.';
COMMENT ON TABLE articles IS 'Articles: normalized body text that every evidence offset points into (contract v1).';
COMMENT ON COLUMN articles.article_id IS 'Stable id from the canonical URL';
COMMENT ON COLUMN articles.text IS 'Normalized body text the offsets refer to';
COMMENT ON COLUMN articles.content_sha256 IS 'SHA-256 of text';
COMMENT ON TABLE statements IS 'One row per speaker per attributed communication (contract v1).';
COMMENT ON COLUMN statements.speaker IS 'Resolved name as the article gives it; pronouns resolved';
COMMENT ON COLUMN statements.speaker_title IS 'Role as written; null if none';
COMMENT ON COLUMN statements.speaker_kind IS 'person or organization';
COMMENT ON COLUMN statements.speaker_country IS 'ISO 3166-1 alpha-3 of the country the speaker belongs to or represents';
COMMENT ON COLUMN statements.verb IS 'Lower-case lemma of the reporting verb; according to X gives say';
COMMENT ON COLUMN statements.mode IS 'direct (quotation marks) or indirect (reported speech)';
COMMENT ON COLUMN statements.content IS 'The quotation without its marks, or the reported clause';
COMMENT ON COLUMN statements.start_char IS 'Evidence span start: 0-based code-point offset into articles.text';
COMMENT ON COLUMN statements.end_char IS 'Evidence span end (exclusive)';
COMMENT ON TABLE incidents IS 'One row per specific violent event an article reports (contract v1).';
COMMENT ON COLUMN incidents.event_type IS 'suicide_bombing, bombing, armed_attack, armed_clash, airstrike, shelling, abduction, execution, other';
COMMENT ON COLUMN incidents.perpetrator IS 'Canonical actor name; null if unknown, accused or denied';
COMMENT ON COLUMN incidents.location IS 'Most specific place named';
COMMENT ON COLUMN incidents.admin1 IS 'Province or state';
COMMENT ON COLUMN incidents.occurred_on IS 'Day of the event; null when the text does not date it to a day';
COMMENT ON COLUMN incidents.killed IS 'Reported killed; null if not given';
COMMENT ON COLUMN incidents.wounded IS 'Reported wounded; null if not given';
COMMENT ON TABLE refugee_counts IS 'One row per number about displaced people (contract v1).';
COMMENT ON COLUMN refugee_counts.population IS 'refugees, migrants, asylum_seekers, idps, undocumented, people';
COMMENT ON COLUMN refugee_counts.movement IS 'hosted, arrived, returned, deported, displaced, resettled, registered, other';
COMMENT ON COLUMN refugee_counts.forced IS 'true for deportation or expulsion, false for explicitly voluntary, else null';
COMMENT ON COLUMN refugee_counts.count IS 'The number as reported (lower bound of a range)';
COMMENT ON COLUMN refugee_counts.qualifier IS 'exact, approx, at_least, at_most';
COMMENT ON COLUMN refugee_counts.location_iso3 IS 'Where they are hosted, or from where they leave';
COMMENT ON COLUMN refugee_counts.period_start IS 'First day of the period the number covers, resolved against publication';
COMMENT ON TABLE rejects IS 'Input that did not become rows: where, at which stage and why.';
COMMENT ON TABLE runs IS 'One row per pipeline run with counts per stage.';
