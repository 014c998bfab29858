-- API tokens: only the SHA-256 of each secret is kept.
create sequence api_token_seq start with 1 increment by 1;

create table api_token (
    id         bigint       not null primary key,
    name       varchar(100) not null,
    token_hash varchar(64)  not null,
    roles      varchar(100) not null,
    created_at timestamp with time zone not null,
    created_by varchar(200) not null,
    revoked_at timestamp with time zone,
    revoked_by varchar(200),
    constraint uk_api_token_name unique (name),
    constraint uk_api_token_hash unique (token_hash)
);
