-- Several observers share one index, each writing the partitions Kafka's consumer group gave it. A claim raises the
-- partition's epoch; every write locks the rows of its partitions (FOR SHARE, in the transaction that moves their
-- checkpoints) and is refused unless this observer's epoch is still the current one. An observer that lost a partition
-- during a long pause therefore cannot commit over its successor. A table of its own rather than columns of
-- checkpoints: a partition is claimed before anything of it is written, and a checkpoint row means "written".
CREATE TABLE partition_owners (
    topic text COLLATE "C" NOT NULL,
    partition integer NOT NULL,
    epoch bigint NOT NULL,
    owner text NOT NULL,
    claimed_ms bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);

ALTER TABLE checkpoints DROP COLUMN owner_epoch, DROP COLUMN owner;
