-- contract v1 tables, runs and rejects
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    title VARCHAR,
    source VARCHAR,
    published_at TIMESTAMPTZ,
    text VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    extra JSON,
    origin VARCHAR,
    extractor_version VARCHAR NOT NULL,
    loaded_run_id VARCHAR
);
CREATE TABLE IF NOT EXISTS statements (
    statement_id VARCHAR PRIMARY KEY,
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
CREATE TABLE IF NOT EXISTS incidents (
    incident_id VARCHAR PRIMARY KEY,
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
CREATE TABLE IF NOT EXISTS refugee_counts (
    count_id VARCHAR PRIMARY KEY,
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
CREATE TABLE IF NOT EXISTS rejects (
    reject_id VARCHAR PRIMARY KEY,
    run_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    location VARCHAR,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    raw_excerpt VARCHAR,
    rejected_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,
    sources VARCHAR[],
    extractor_version VARCHAR,
    records_read BIGINT,
    articles_new BIGINT,
    articles_updated BIGINT,
    articles_unchanged BIGINT,
    statements BIGINT,
    incidents BIGINT,
    refugee_counts BIGINT,
    rejects BIGINT,
    message VARCHAR
);
CREATE INDEX IF NOT EXISTS statements_article ON statements (article_id);
CREATE INDEX IF NOT EXISTS incidents_article ON incidents (article_id);
CREATE INDEX IF NOT EXISTS refugee_counts_article ON refugee_counts (article_id);
