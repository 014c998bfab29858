-- Email digests (issue 17): subscriptions with double opt-in, one digest per subscription and period, and the
-- notices each digest carries. The unique keys are what make a digest go out once per subscriber and period, and
-- each notice reach a subscriber once, whatever replicas, retries or restarts do.

create sequence subscription_seq start with 1 increment by 1;
create table subscription (
    id                 bigint        not null primary key,
    email              varchar(254)  not null,
    -- JSON arrays: the notice kinds, and the topics and speakers it is limited to ([] for any).
    events             varchar(200)  not null,
    topics             varchar(2000) not null,
    speakers           varchar(8000) not null,
    cadence            varchar(8)    not null,
    status             varchar(16)   not null,
    -- SHA-256 of the confirmation link's token, until it is used; the token itself is only in the mail.
    confirm_hash       varchar(64),
    confirm_expires_at timestamp with time zone,
    -- In every mail; it can only unsubscribe, so it is kept as sent.
    unsubscribe_token  varchar(64)   not null,
    created_at         timestamp with time zone not null,
    created_by         varchar(200)  not null,
    confirmed_at       timestamp with time zone,
    ended_at           timestamp with time zone,
    version            bigint        not null,
    constraint uk_subscription_confirm unique (confirm_hash),
    constraint uk_subscription_unsubscribe unique (unsubscribe_token)
);
create index ix_subscription_owner on subscription (created_by, status);
create index ix_subscription_active on subscription (status, cadence, id);

create sequence digest_seq start with 1 increment by 50;
create table digest (
    id              bigint        not null primary key,
    subscription_id bigint        not null,
    period          varchar(16)   not null,
    status          varchar(16)   not null,
    notices         integer       not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      varchar(1000),
    version         bigint        not null,
    constraint uk_digest_period unique (subscription_id, period),
    constraint fk_digest_subscription foreign key (subscription_id) references subscription (id) on delete cascade
);
create index ix_digest_due on digest (status, next_attempt_at);

create table digest_notice (
    digest_id       bigint not null,
    subscription_id bigint not null,
    notice_id       bigint not null,
    constraint pk_digest_notice primary key (digest_id, notice_id),
    constraint uk_digest_notice_once unique (subscription_id, notice_id),
    constraint fk_digest_notice_digest foreign key (digest_id) references digest (id) on delete cascade,
    constraint fk_digest_notice_notice foreign key (notice_id) references notice (id)
);

-- A digest reads the notices of the last weeks.
create index ix_notice_created on notice (created_at);
