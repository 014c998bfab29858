-- q (text in the statement or the quote, ignoring case) as trigram indexes: lower(x) like '%needle%' reads the
-- rows that hold the needle's trigrams instead of every row. pg_trgm ships with PostgreSQL and is a trusted
-- extension (PostgreSQL 13 and later): the owner of the database may create it; otherwise a superuser must,
-- once, before the first start. H2 has no such index: there q is bounded by hindsight.list.scan-budget.
create extension if not exists pg_trgm;
create index ix_prediction_statement_trgm on prediction using gin (lower(statement) gin_trgm_ops);
create index ix_prediction_quote_trgm on prediction using gin (lower(quote_text) gin_trgm_ops);
