-- Intake (issue 27): a source's transcript as stored text, its segments with their locators, and the candidates
-- found in it by the rules or added by hand, each triaged (accepted as a prediction, or dismissed with a reason).

create table transcript (
    source_key  varchar(80)       not null primary key,
    -- The text as the rules read it (a byte-order mark dropped): candidates' spans are offsets into it.
    body        varchar(10000000) not null,
    sha256      varchar(64)       not null,
    language    varchar(35)       not null,
    media_type  varchar(100)      not null,
    segments    integer           not null,
    uploaded_at timestamp with time zone not null,
    uploaded_by varchar(200)      not null,
    version     bigint            not null,
    constraint fk_transcript_source foreign key (source_key) references source (slug)
);

-- Kept as uploaded: a caption's time stamp or a PDF's page cannot be read back from the text alone.
create sequence transcript_segment_seq start with 1 increment by 50;
create table transcript_segment (
    id          bigint       not null primary key,
    source_key  varchar(80)  not null,
    position    integer      not null,
    locator     varchar(300) not null,
    span_start  integer      not null,
    span_end    integer      not null,
    constraint uk_transcript_segment unique (source_key, position),
    constraint fk_transcript_segment foreign key (source_key) references transcript (source_key)
);

create sequence candidate_seq start with 1 increment by 50;
create table candidate (
    id               bigint          not null primary key,
    source_key       varchar(80)     not null,
    quote_text       varchar(100000) not null,
    quote_lang       varchar(35)     not null,
    -- Null once a replaced transcript no longer holds the quote (the candidate is orphaned).
    quote_locator    varchar(300),
    span_start       integer,
    span_end         integer,
    -- JSON arrays: the cues that fired, the hedge words.
    cues             varchar(100000) not null,
    hedge_grade      varchar(16)     not null,
    hedge_words      varchar(2000)   not null,
    target_date      date,
    target_precision varchar(8),
    target_basis     varchar(8),
    target_label     varchar(300),
    proposed_kind    varchar(16)     not null,
    score            double precision not null,
    manual           boolean         not null,
    orphaned         boolean         not null,
    state            varchar(16)     not null,
    prediction_key   varchar(80),
    dismiss_reason   varchar(24),
    dismiss_note     varchar(2000),
    decided_by       varchar(200),
    decided_at       timestamp with time zone,
    created_at       timestamp with time zone not null,
    version          bigint          not null,
    constraint uk_candidate_span unique (source_key, span_start, span_end),
    constraint uk_candidate_prediction unique (prediction_key),
    constraint fk_candidate_source foreign key (source_key) references source (slug)
);
create index ix_candidate_state on candidate (source_key, state, id);
