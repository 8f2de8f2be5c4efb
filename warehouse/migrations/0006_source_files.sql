-- source files: a re-run skips a local file unchanged since every one of its records was loaded
CREATE TABLE IF NOT EXISTS source_files (
    file_uri VARCHAR PRIMARY KEY,         -- file:// URI of the input file
    size BIGINT NOT NULL,                 -- bytes, when it was read
    mtime_ns BIGINT NOT NULL,             -- modification time (ns), when it was read
    records BIGINT NOT NULL,              -- its records, every one loaded or unchanged
    extractor_version VARCHAR NOT NULL,   -- the parser and extractors that read it
    articles_generation BIGINT NOT NULL,  -- warehouse_state.articles_generation then
    read_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE source_files IS 'Local input files every record of which is loaded as it is: a run skips such a file unread while its size and modification time, the extractor version and the articles generation are unchanged. Internal bookkeeping; safe to empty.';
CREATE TABLE IF NOT EXISTS warehouse_state (
    articles_generation BIGINT NOT NULL  -- goes up whenever a stored article gets a different text
);
COMMENT ON TABLE warehouse_state IS 'One row of counters about the warehouse as a whole. Internal bookkeeping.';
INSERT INTO warehouse_state SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM warehouse_state);
