-- Forecasts: a forecaster's probability that a prediction resolves CORRECT. Append-only; scores are computed on
-- read from these and the resolution (forecast/ScoreQueries.java), so nothing stored can drift.

-- When the resolution was recorded, and the close: the earlier of that and due_at. A forecast scores if it was its
-- forecaster's latest before the close. The close is kept as a column (set when a prediction is resolved, cleared
-- when it is reopened, moved when a resolved prediction's target moves) because the scores' queries compare each
-- forecast with it, and a plain column there keeps them simple for both databases' planners. Resolutions recorded
-- before these columns existed get their last change, the closest moment on record.
alter table prediction add column resolved_at timestamp with time zone;
alter table prediction add column closes_at timestamp with time zone;
update prediction set resolved_at = updated_at where status = 'RESOLVED';
update prediction set closes_at = case when due_at < resolved_at then due_at else resolved_at end
    where status = 'RESOLVED';

create sequence forecast_seq start with 1 increment by 50;

create table forecast (
    id            bigint           not null primary key,
    prediction_id bigint           not null,
    forecaster    varchar(200)     not null,
    probability   double precision not null,
    note          varchar(2000),
    made_at       timestamp with time zone not null,
    -- When the same forecaster's next forecast on the prediction was made (null while this is their latest): set
    -- once, as the next one is recorded. A forecast scores if it was the latest before the close, a row's own test
    -- (made_at < close and not superseded before it), so scores need no window function over all forecasts.
    superseded_at timestamp with time zone,
    constraint ck_forecast_probability check (probability >= 0.01 and probability <= 0.99),
    constraint fk_forecast_prediction foreign key (prediction_id) references prediction (id) on delete cascade
);
-- A prediction's forecasts in order, and a forecaster's latest one there (superseded when the next comes).
create index ix_forecast_prediction on forecast (prediction_id, forecaster, made_at, id);
-- A forecaster's record.
create index ix_forecast_forecaster on forecast (forecaster, prediction_id);
-- Scores read the closed (resolved) predictions.
create index ix_prediction_closes on prediction (closes_at, id);
