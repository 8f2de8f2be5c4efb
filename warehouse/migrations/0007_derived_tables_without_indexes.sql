-- derived tables without primary-key and article_id indexes: their ids are unique by construction and checked per batch
-- DuckDB keeps an ART index wholly in memory once a write touches it: about 45 bytes of RAM per key
-- and a warehouse file four times the size of its rows. With roughly 16 derived rows per article,
-- the statement/incident/count id keys and the three article_id indexes held over 1 GB of RAM at a
-- million articles, and made each batch's insert three times slower. Ids stay unique without them:
-- an id hashes its article's id, `Warehouse.load_batch` replaces an article's rows whole in one
-- transaction, and refuses a batch whose ids repeat or whose rows name an article outside it. The
-- lookups that need an index (articles by id, record digests, URLs) keep theirs.
DROP INDEX IF EXISTS statements_article;
DROP INDEX IF EXISTS incidents_article;
DROP INDEX IF EXISTS refugee_counts_article;

CREATE TABLE statements_v7 (
    statement_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    speaker VARCHAR NOT NULL,
    speaker_title VARCHAR,
    speaker_kind VARCHAR NOT NULL,
    speaker_country VARCHAR(3),
    verb VARCHAR NOT NULL,
    mode VARCHAR NOT NULL,
    content VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);
INSERT INTO statements_v7 SELECT * FROM statements;
DROP TABLE statements;
ALTER TABLE statements_v7 RENAME TO statements;

CREATE TABLE incidents_v7 (
    incident_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    perpetrator VARCHAR,
    location VARCHAR,
    admin1 VARCHAR,
    country_iso3 VARCHAR(3),
    latitude DOUBLE,
    longitude DOUBLE,
    occurred_on DATE,
    killed INTEGER,
    killed_qualifier VARCHAR,
    wounded INTEGER,
    wounded_qualifier VARCHAR,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);
INSERT INTO incidents_v7 SELECT * FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_v7 RENAME TO incidents;

CREATE TABLE refugee_counts_v7 (
    count_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    population VARCHAR NOT NULL,
    movement VARCHAR NOT NULL,
    forced BOOLEAN,
    count BIGINT NOT NULL,
    qualifier VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    origin_iso3 VARCHAR(3),
    location_iso3 VARCHAR(3)[],
    destination_iso3 VARCHAR(3),
    period_start DATE,
    period_end DATE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);
INSERT INTO refugee_counts_v7 SELECT * FROM refugee_counts;
DROP TABLE refugee_counts;
ALTER TABLE refugee_counts_v7 RENAME TO refugee_counts;

-- the comments of migration 3 belonged to the dropped tables
COMMENT ON TABLE statements IS 'One row per speaker per attributed communication (contract v1).';
COMMENT ON COLUMN statements.statement_id IS 'Stable id of the row: hash of the table, article id and the row''s span, speaker and verb; unique';
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
COMMENT ON COLUMN incidents.incident_id IS 'Stable id of the row: hash of the table, article id and the row''s span and event type; unique';
COMMENT ON COLUMN incidents.event_type IS 'suicide_bombing, bombing, armed_attack, armed_clash, airstrike, shelling, abduction, execution, other';
COMMENT ON COLUMN incidents.perpetrator IS 'Canonical actor name; null if unknown, accused or denied';
COMMENT ON COLUMN incidents.location IS 'Most specific place named';
COMMENT ON COLUMN incidents.admin1 IS 'Province or state';
COMMENT ON COLUMN incidents.occurred_on IS 'Day of the event; null when the text does not date it to a day';
COMMENT ON COLUMN incidents.killed IS 'Reported killed; null if not given';
COMMENT ON COLUMN incidents.wounded IS 'Reported wounded; null if not given';
COMMENT ON TABLE refugee_counts IS 'One row per number about displaced people (contract v1).';
COMMENT ON COLUMN refugee_counts.count_id IS 'Stable id of the row: hash of the table, article id and the row''s span, count and unit; unique';
COMMENT ON COLUMN refugee_counts.population IS 'refugees, migrants, asylum_seekers, idps, undocumented, people';
COMMENT ON COLUMN refugee_counts.movement IS 'hosted, arrived, returned, deported, displaced, resettled, registered, other';
COMMENT ON COLUMN refugee_counts.forced IS 'true for deportation or expulsion, false for explicitly voluntary, else null';
COMMENT ON COLUMN refugee_counts.count IS 'The number as reported (lower bound of a range)';
COMMENT ON COLUMN refugee_counts.qualifier IS 'exact, approx, at_least, at_most';
COMMENT ON COLUMN refugee_counts.location_iso3 IS 'Where they are hosted, or from where they leave';
COMMENT ON COLUMN refugee_counts.period_start IS 'First day of the period the number covers, resolved against publication';
