-- Reviews (one per time a prediction comes due), the notice outbox, and webhook subscriptions with their
-- deliveries and every delivery attempt. Unique keys make each review and notice exist once, whatever
-- replicas, restarts or crashes do.

create sequence review_seq start with 1 increment by 50;
create table review (
    id             bigint       not null primary key,
    prediction_key varchar(80)  not null,
    reason         varchar(32)  not null,
    due_on         date         not null,
    cycle          varchar(64)  not null,
    opened_at      timestamp with time zone not null,
    assignee       varchar(200),
    closed_at      timestamp with time zone,
    closed_by      varchar(200),
    closure        varchar(16),
    reminders_sent integer      not null,
    version        bigint       not null,
    constraint uk_review_cycle unique (prediction_key, cycle)
);
create index ix_review_queue on review (closed_at, opened_at);
create index ix_review_prediction on review (prediction_key, closed_at);

create sequence notice_seq start with 1 increment by 50;
create table notice (
    id             bigint        not null primary key,
    kind           varchar(40)   not null,
    prediction_key varchar(80)   not null,
    period         varchar(64)   not null,
    created_at     timestamp with time zone not null,
    payload        varchar(100000) not null,
    constraint uk_notice unique (prediction_key, kind, period)
);

create sequence webhook_seq start with 1 increment by 1;
create table webhook (
    id                   bigint        not null primary key,
    url                  varchar(2000) not null,
    event_types          varchar(200)  not null,
    secret               varchar(100)  not null,
    description          varchar(300),
    enabled              boolean       not null,
    consecutive_failures integer       not null,
    disabled_at          timestamp with time zone,
    disabled_reason      varchar(300),
    created_at           timestamp with time zone not null,
    created_by           varchar(200)  not null,
    version              bigint        not null
);

create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id              bigint      not null primary key,
    webhook_id      bigint      not null,
    notice_id       bigint      not null,
    status          varchar(16) not null,
    attempts        integer     not null,
    next_attempt_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    version         bigint      not null,
    constraint uk_delivery unique (webhook_id, notice_id),
    constraint fk_delivery_webhook foreign key (webhook_id) references webhook (id) on delete cascade,
    constraint fk_delivery_notice foreign key (notice_id) references notice (id)
);
create index ix_delivery_due on webhook_delivery (status, next_attempt_at);

create sequence webhook_attempt_seq start with 1 increment by 50;
create table webhook_attempt (
    id          bigint       not null primary key,
    delivery_id bigint       not null,
    attempt     integer      not null,
    at          timestamp with time zone not null,
    status_code integer,
    duration_ms bigint       not null,
    error       varchar(1000),
    constraint uk_attempt unique (delivery_id, attempt),
    constraint fk_attempt_delivery foreign key (delivery_id) references webhook_delivery (id) on delete cascade
);
