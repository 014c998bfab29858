-- Seed revisions: for each source that seed files bring, the revision of its seeds last applied, and the
-- predictions that revision left as people had left them (seedRevision and seedConflicts on GET /sources/{key}).
-- The row is also the lock: replicas starting at once lock it before applying a revision, so one applies it and
-- the others find it applied. Keyed by the source's key without a foreign key, so that the row can be made (and
-- locked) before the source itself is written.
create table seed_revision (
    source_key varchar(80) not null primary key,
    -- 0 until a revision is recorded: the row exists to be locked.
    revision   integer     not null,
    loaded_at  timestamp with time zone
);

create table seed_conflict (
    source_key     varchar(80) not null,
    prediction_key varchar(80) not null,
    constraint pk_seed_conflict primary key (source_key, prediction_key),
    constraint fk_seed_conflict_revision foreign key (source_key) references seed_revision (source_key)
        on delete cascade
);
