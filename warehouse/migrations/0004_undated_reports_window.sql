-- undated incident reports join an event of the same place and kind up to 31 days before publication
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
-- an undated report ("the recent bombing in Kerman") joins the latest dated event of the same
-- place and kind that happened up to 31 days before its publication; otherwise its publication
-- day stands in for the date
undated_placed AS (
    SELECT u.*, CASE WHEN d.occurred_on IS NOT NULL AND u.published_on - d.occurred_on <= 31
                     THEN d.occurred_on ELSE u.published_on END AS event_day
    FROM undated u
    ASOF LEFT JOIN (SELECT DISTINCT k_country, k_place, k_family, occurred_on FROM dated) d
      ON u.k_country = d.k_country AND u.k_place = d.k_place AND u.k_family = d.k_family
     AND u.published_on >= d.occurred_on
)
SELECT *, occurred_on AS event_day FROM dated
UNION ALL BY NAME
SELECT * FROM undated_placed;

COMMENT ON VIEW incident_reports IS 'Every incident row with the day used to cluster it into events (occurred_on, or for an undated report the latest event of the same place and kind that happened up to 31 days before publication, else the publication day).';
