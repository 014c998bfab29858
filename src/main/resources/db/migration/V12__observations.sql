-- Metric trajectories: a metric's scale, and the observations of its value along the way.

-- LINEAR for every metric there is; LOG is chosen per prediction (the seeds' 100x ones).
alter table prediction add column metric_scale varchar(8);
update prediction set metric_scale = 'LINEAR' where metric_name is not null;

create sequence observation_seq start with 1 increment by 50;

-- Append-only: a retraction marks the row (retracted_at, retracted_by) and is in the history; nothing is deleted
-- but with the prediction.
create table observation (
    id            bigint           not null primary key,
    prediction_id bigint           not null,
    observed_on   date             not null,
    metric_value  double precision not null,
    note          varchar(4000),
    evidence      varchar(100000),
    recorded_at   timestamp with time zone not null,
    recorded_by   varchar(200)     not null,
    retracted_at  timestamp with time zone,
    retracted_by  varchar(200),
    constraint fk_observation_prediction foreign key (prediction_id) references prediction (id) on delete cascade
);
create index ix_observation_prediction on observation (prediction_id, observed_on, id);

-- OBSERVATION_RETRACTED is longer than the 16 characters event types had.
alter table prediction_event alter column type set data type varchar(32);
