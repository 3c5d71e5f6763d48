-- Portable helpers in the ops dataset, BigQuery's side (DuckDB's are macros created by
-- DuckDbWarehouse.open). Date arithmetic, safe division and hashing are spelled differently by the
-- two engines, so models call these and stay inside the dialect subset (see SQL-DIALECT.md).
-- Each statement ends with ';' at the end of a line; BigQueryWarehouse.createPortableFunctions()
-- runs them one by one.

-- Whole days from earlier_date to later_date (negative when later_date is earlier).
CREATE OR REPLACE FUNCTION ops.days_between(later_date DATE, earlier_date DATE)
RETURNS INT64
AS (DATE_DIFF(later_date, earlier_date, DAY));

-- d shifted by n days (n may be negative).
CREATE OR REPLACE FUNCTION ops.add_days(d DATE, n INT64)
RETURNS DATE
AS (DATE_ADD(d, INTERVAL n DAY));

-- a / b as FLOAT64, NULL when b is 0 or NULL (the / operator raises an error on 0 in BigQuery and
-- returns Infinity in DuckDB). INT64 arguments coerce to FLOAT64.
CREATE OR REPLACE FUNCTION ops.safe_div(a FLOAT64, b FLOAT64)
RETURNS FLOAT64
AS (IF(b IS NULL OR b = 0, NULL, a / b));

-- The first 40 bits of MD5(s) as an INT64 in [0, 2^40), the same number on both engines (MD5 is
-- BYTES here, a hex STRING in DuckDB). Small enough that SUM(ops.hash40(...)) over up to 2^23 rows
-- cannot overflow INT64: an order-independent checksum of a set of rows.
CREATE OR REPLACE FUNCTION ops.hash40(s STRING)
RETURNS INT64
AS (CAST('0x' || SUBSTR(TO_HEX(MD5(s)), 1, 10) AS INT64));

-- A 40-bit hash of a row (a tuple of values, e.g. (a, b, c)) as an INT64 in [0, 2^40): what
-- partition fingerprints sum. Hashing values is about 4x cheaper than hashing their text, so each
-- engine uses its own hash (DuckDB: hash(r)); the numbers differ between engines and only tell a
-- change within one warehouse. 40 bits: SUM over up to 2^23 rows cannot overflow INT64.
CREATE OR REPLACE FUNCTION ops.row_hash40(r ANY TYPE)
RETURNS INT64
AS (FARM_FINGERPRINT(TO_JSON_STRING(r)) & 1099511627775);

-- The rows of a score table carried in one STRING: rows separated by U+001E, each game_id, player_id
-- and ml_points (a FLOAT64's text) separated by U+001F; '' has no row. player_prop_predictions puts a
-- date's xgboost scores in with one parameter (DuckDB: a table macro of the same name). A table function
-- can be used wherever a table can (the sqlcheck module analyzes the call with a query parameter):
-- https://cloud.google.com/bigquery/docs/reference/standard-sql/table-functions
CREATE OR REPLACE TABLE FUNCTION ops.score_rows(s STRING)
AS (
    SELECT SPLIT(r, '\x1f')[OFFSET(0)] AS game_id, SPLIT(r, '\x1f')[OFFSET(1)] AS player_id,
           CAST(SPLIT(r, '\x1f')[OFFSET(2)] AS FLOAT64) AS ml_points
    FROM UNNEST(SPLIT(s, '\x1e')) AS r
    WHERE r <> ''
);
