-- The prediction ledger: sources, predictions, their topics and their append-only history.
-- Portable SQL: runs unchanged on H2 (embedded default, tests) and PostgreSQL (production).

create sequence source_seq start with 1 increment by 10;
create sequence prediction_seq start with 1 increment by 50;
create sequence prediction_event_seq start with 1 increment by 50;

create table source (
    id          bigint        not null primary key,
    slug        varchar(80)   not null,
    title       varchar(300)  not null,
    speaker     varchar(200)  not null,
    said_on     date          not null,
    url         varchar(2000),
    language    varchar(35),
    description varchar(4000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint uk_source_slug unique (slug)
);

create table prediction (
    id                    bigint        not null primary key,
    slug                  varchar(80)   not null,
    statement             varchar(1000) not null,
    kind                  varchar(16)   not null,
    speaker               varchar(200)  not null,
    source_key            varchar(80),
    made_on               date          not null,
    quote_text            varchar(2000),
    quote_lang            varchar(35),
    quote_locator         varchar(300),
    target_date           date,
    target_precision      varchar(8),
    target_basis          varchar(8)    not null,
    target_label          varchar(300),
    review_every          varchar(32),
    due_at                timestamp with time zone,
    next_review_on        date,
    resolution_criteria   varchar(4000),
    metric_name           varchar(200),
    metric_unit           varchar(50),
    metric_baseline_value double precision,
    metric_baseline_on    date,
    metric_target         double precision,
    metric_direction      varchar(8),
    status                varchar(16)   not null,
    outcome               varchar(24),
    resolved_on           date,
    resolution_note       varchar(4000),
    resolution_evidence   varchar(100000),
    resolved_by           varchar(200),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint        not null,
    constraint uk_prediction_slug unique (slug),
    constraint fk_prediction_source foreign key (source_key) references source (slug)
);

-- The list pages by id within a status; the due scan looks for OPEN predictions by next review date.
create index ix_prediction_status on prediction (status, id);
create index ix_prediction_review on prediction (status, next_review_on);
create index ix_prediction_due on prediction (due_at);
create index ix_prediction_source on prediction (source_key);
create index ix_prediction_speaker on prediction (speaker);

create table prediction_topic (
    prediction_id bigint      not null,
    topic         varchar(50) not null,
    constraint pk_prediction_topic primary key (prediction_id, topic),
    constraint fk_topic_prediction foreign key (prediction_id) references prediction (id) on delete cascade
);
create index ix_topic_topic on prediction_topic (topic, prediction_id);

-- No foreign key to prediction: the history outlives a deleted prediction.
create table prediction_event (
    id             bigint        not null primary key,
    prediction_key varchar(80)   not null,
    type           varchar(16)   not null,
    at             timestamp with time zone not null,
    actor          varchar(200)  not null,
    note           varchar(4000),
    reason         varchar(32),
    details        varchar(100000)
);
create index ix_event_prediction on prediction_event (prediction_key, id);
