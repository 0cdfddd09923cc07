-- JSON and text payloads are kept once, as text (Rows/PayloadText), and searched where they lie: search_text keeps the
-- key and header values, and a payload's folded copy only where upper() cannot fold it (not ASCII, or a decoded form).
-- The second copy of every payload made a row about twice as large and was the largest cost of a write (measured by
-- the ingest benchmark: 19,000 rows/s with it, 23,800 without, on the same machine). Rows written before keep their
-- full search_text and a null payload_text: the search reads both columns, so they are found as before.
ALTER TABLE events ADD COLUMN payload_text text COLLATE "C";

-- Ids, types and keys move from hash indexes to B-trees. Types and keys repeat (a few dozen types, often few keys),
-- and so do correlation ids in long conversations: a hash index chains every row of one value into one bucket and each
-- insert walks that chain, so writes slowed as the day filled (the largest single index cost in the ingest profile,
-- with five types). A B-tree keeps duplicates in order and compresses them, and was as fast for unique ids. It refuses
-- a row over ~2.7 KB, so it holds the first 256 characters (at most 1 KB) and the lookup compares the whole value after
-- (Rows/LookupColumns).
DROP INDEX events_message_id;
DROP INDEX events_correlation_id;
DROP INDEX events_causation_id;
DROP INDEX events_message_type;
DROP INDEX events_key;
CREATE INDEX events_message_id ON events (left(message_id, 256));
CREATE INDEX events_correlation_id ON events (left(correlation_id, 256)) WHERE correlation_id IS NOT NULL;
CREATE INDEX events_causation_id ON events (left(causation_id, 256)) WHERE causation_id IS NOT NULL;
CREATE INDEX events_message_type ON events (left(message_type, 256)) WHERE message_type IS NOT NULL;
CREATE INDEX events_key ON events (left(key, 256)) WHERE key IS NOT NULL;

-- lz4 instead of the default pglz for values large enough to be compressed (pglz cost 7% of the server's time on 1 KB
-- JSON). Partitions keep the setting they were made with, so existing ones are changed one by one; a server built
-- without lz4 keeps pglz.
DO $$
DECLARE
    target regclass;
BEGIN
    FOR target IN SELECT 'events'::regclass UNION ALL SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'events'::regclass
    LOOP
        EXECUTE format(
            'ALTER TABLE %s ALTER COLUMN payload SET COMPRESSION lz4, ALTER COLUMN payload_text SET COMPRESSION lz4, '
            'ALTER COLUMN decoded_payload SET COMPRESSION lz4, ALTER COLUMN headers SET COMPRESSION lz4, '
            'ALTER COLUMN key_bytes SET COMPRESSION lz4, ALTER COLUMN search_text SET COMPRESSION lz4', target);
    END LOOP;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server: values stay compressed with pglz';
END $$;

-- The newest-first index in the opposite direction, read backward (the same order for every query): new events then
-- land on its last page, where a B-tree inserts without descending from the root, instead of on its first.
DROP INDEX events_newest_first;
CREATE INDEX events_newest_first ON events (timestamp_ms, topic DESC, partition, "offset");
