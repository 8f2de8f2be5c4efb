-- record digests: a re-run skips raw file records already loaded as they are, before parsing them
CREATE TABLE IF NOT EXISTS record_digests (
    digest_hi UBIGINT NOT NULL,          -- first 8 bytes of BLAKE2b-128(kind, fallback URL, raw bytes)
    digest_lo UBIGINT NOT NULL,          -- last 8 bytes
    article_id VARCHAR NOT NULL,         -- the article the record parsed to
    content_sha256 VARCHAR NOT NULL,     -- its text then; the digest counts only while articles still has it
    extractor_version VARCHAR NOT NULL,  -- the parser and extractors that read it
    PRIMARY KEY (digest_hi, digest_lo)
);
COMMENT ON TABLE record_digests IS 'Raw input records (JSON Lines lines, text and HTML files) already loaded: a record whose digest is here, whose article still has the same text and whose extractor version is current is skipped unparsed. Internal bookkeeping; safe to empty.';
