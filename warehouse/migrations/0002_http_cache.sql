-- web fetching: HTTP validators and last fetch status per URL, robots.txt cache, alternate article URLs
CREATE TABLE IF NOT EXISTS http_cache (
    url VARCHAR PRIMARY KEY,
    source VARCHAR,
    kind VARCHAR,
    final_url VARCHAR,
    etag VARCHAR,
    last_modified VARCHAR,
    status INTEGER,
    fetched_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL,
    error VARCHAR,
    items INTEGER
);
CREATE TABLE IF NOT EXISTS robots_cache (
    origin VARCHAR PRIMARY KEY,
    status INTEGER,
    body VARCHAR,
    fetched_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS article_urls (
    url VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS article_urls_article ON article_urls (article_id);
