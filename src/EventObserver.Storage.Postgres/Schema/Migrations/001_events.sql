-- One schema holds one cluster's index. Text that is compared or ordered uses the "C" collation, so PostgreSQL orders
-- and compares it byte by byte, as .NET's ordinal comparison does (whatever the database's default collation is).

CREATE TABLE eo_meta (
    key text PRIMARY KEY,
    value text NOT NULL
);

-- Partitioned by day on the Kafka timestamp: retention drops whole days. Days are created ahead; timestamps outside
-- the created days (far past, far future, -1) land in the default partition.
CREATE TABLE events (
    topic text COLLATE "C" NOT NULL,
    partition integer NOT NULL,
    "offset" bigint NOT NULL,
    timestamp_ms bigint NOT NULL,
    timestamp_kind smallint NOT NULL,
    key_bytes bytea,
    key text COLLATE "C",
    key_format smallint NOT NULL,
    key_decoding bytea,
    -- Every header in record order, our own length-prefixed encoding (Rows/HeaderCodec); null when there are none.
    headers bytea,
    payload bytea,
    payload_format smallint NOT NULL,
    decoded_payload bytea,
    decoding bytea,
    message_id text COLLATE "C" NOT NULL,
    message_id_derived boolean NOT NULL,
    message_type text COLLATE "C",
    kind smallint NOT NULL,
    correlation_id text COLLATE "C",
    causation_id text COLLATE "C",
    trace_id text COLLATE "C",
    source text COLLATE "C",
    subject text COLLATE "C",
    dead_letter_topic text COLLATE "C",
    dead_letter_partition integer,
    dead_letter_offset bigint,
    dead_letter_error text COLLATE "C",
    -- Strings a text column cannot hold (a NUL character), kept exactly here (Rows/ExactStrings).
    exact_strings bytea,
    -- What free text searches, case-folded as .NET folds it: a pre-filter only, EventSelection.Matches decides. Closed
    -- days have a trigram index over it; the current day and the default partition are scanned (LIKE in the server).
    search_text text COLLATE "C"
) PARTITION BY RANGE (timestamp_ms);

CREATE TABLE events_default PARTITION OF events DEFAULT;

CREATE INDEX events_position ON events (topic, partition, "offset");
CREATE INDEX events_topic_time ON events (topic, timestamp_ms);
-- Ids, keys and types come from the records and have no length limit: a B-tree refuses a row over ~2.7 KB (one long
-- key would stop ingestion), a hash index takes any length and is all these equality lookups need.
CREATE INDEX events_message_id ON events USING hash (message_id);
CREATE INDEX events_correlation_id ON events USING hash (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX events_causation_id ON events USING hash (causation_id) WHERE causation_id IS NOT NULL;
CREATE INDEX events_message_type ON events USING hash (message_type) WHERE message_type IS NOT NULL;
CREATE INDEX events_key ON events USING hash (key) WHERE key IS NOT NULL;
-- The original's topic comes from a header too (any length): the offset and partition find the few candidates.
CREATE INDEX events_dead_letter ON events (dead_letter_offset, dead_letter_partition) WHERE dead_letter_topic IS NOT NULL;
-- The trigram index over search_text is built per day once the day is over (Schema/DailyPartitions.IndexClosedDays):
-- kept row by row it cost about ten times the rest of a write.

-- One row per partition ever seen: where ingestion resumes (written with the events), who owns it, and the partition's
-- figures (kept with each write and by retention, so statistics never count the events table).
CREATE TABLE checkpoints (
    topic text COLLATE "C" NOT NULL,
    partition integer NOT NULL,
    next_offset bigint NOT NULL,
    owner_epoch bigint NOT NULL DEFAULT 0,
    owner text,
    event_count bigint NOT NULL DEFAULT 0,
    oldest_offset bigint,
    newest_offset bigint,
    oldest_ms bigint,
    newest_ms bigint,
    PRIMARY KEY (topic, partition)
);

CREATE TABLE retention_gaps (
    topic text COLLATE "C" NOT NULL,
    partition integer NOT NULL,
    first_offset bigint NOT NULL,
    last_offset bigint NOT NULL,
    detected_ms bigint NOT NULL,
    -- Insertion order, for gaps detected at the same millisecond.
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (topic, partition, first_offset)
);

CREATE INDEX retention_gaps_detected ON retention_gaps (detected_ms, seq);
