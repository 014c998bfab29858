-- A prediction's forecasts are listed oldest first, a page at a time (made_at, then id, after the cursor's): this
-- index reads a page where it starts instead of sorting all of the prediction's forecasts for each page.
create index ix_forecast_prediction_made on forecast (prediction_id, made_at, id);
