-- On-demand job runs (POST /api/v1/jobs/{name}/runs). A run that outlasts the request's wait is polled at
-- GET /api/v1/jobs/{name}/runs/{id}; kept in the database so that any replica can answer that.
create sequence job_run_seq start with 1 increment by 1;
create table job_run (
    id          bigint        not null primary key,
    job         varchar(64)   not null,
    state       varchar(16)   not null,
    started_at  timestamp with time zone not null,
    started_by  varchar(200)  not null,
    finished_at timestamp with time zone,
    duration_ms bigint,
    result      varchar(4000),
    error       varchar(300)
);
create index ix_job_run_finished on job_run (finished_at);
