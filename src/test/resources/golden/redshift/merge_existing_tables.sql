CREATE SCHEMA IF NOT EXISTS "ds"
CREATE TABLE IF NOT EXISTS "ds"."_dlt_loads" ("load_id" varchar(65535) NOT NULL, "schema_name" varchar(65535), "status" bigint NOT NULL, "inserted_at" timestamp with time zone NOT NULL, "schema_version_hash" varchar(65535))
CREATE TABLE IF NOT EXISTS "ds"."_dlt_version" ("version" bigint NOT NULL, "engine_version" bigint NOT NULL, "inserted_at" timestamp with time zone NOT NULL, "schema_name" varchar(65535) NOT NULL, "version_hash" varchar(65535) NOT NULL, "schema" varchar(65535) NOT NULL)
CREATE TABLE IF NOT EXISTS "ds"."_dlt_pipeline_state" ("version" bigint NOT NULL, "engine_version" bigint NOT NULL, "pipeline_name" varchar(65535) NOT NULL, "state" varchar(65535) NOT NULL, "created_at" timestamp with time zone NOT NULL, "version_hash" varchar(65535), "_dlt_load_id" varchar(65535) NOT NULL, "_dlt_id" varchar(65535) NOT NULL)
ALTER TABLE "ds"."events" ADD COLUMN "clock" time without time zone
ALTER TABLE "ds"."events" ADD UNIQUE ("clock")
CREATE SCHEMA IF NOT EXISTS "ds_staging"
DROP TABLE IF EXISTS "ds_staging"."events"
CREATE TABLE "ds_staging"."events" ("id" bigint NOT NULL, "ts" timestamp with time zone, "name" varchar(65535), "doc" super, "amount" numeric(38,9), "data" varbinary, "day" date, "clock" time without time zone, "flag" boolean, "score" double precision, "_dlt_load_id" varchar(65535) NOT NULL, "_dlt_id" varchar(65535) NOT NULL, "_dlt_stage_seq" bigint) DISTKEY ("id") SORTKEY ("ts", "day")
PREPARE INSERT INTO "ds_staging"."events" ("id", "ts", "name", "doc", "amount", "data", "day", "clock", "flag", "score", "_dlt_load_id", "_dlt_id", "_dlt_stage_seq") VALUES (?, CAST(? AS timestamp with time zone), ?, JSON_PARSE(?), ?, ?, CAST(? AS date), CAST(? AS time without time zone), ?, ?, ?, ?, ?), (?, CAST(? AS timestamp with time zone), ?, JSON_PARSE(?), ?, ?, CAST(? AS date), CAST(? AS time without time zone), ?, ?, ?, ?, ?), (?, CAST(? AS timestamp with time zone), ?, JSON_PARSE(?), ?, ?, CAST(? AS date), CAST(? AS time without time zone), ?, ?, ?, ?, ?)
  -- bound: [1, 2024-01-01T10:00:00Z, O'Brien "quoted", {"a":[1,2]}, 12.500000000, bytes[3], 2024-02-29, 10:11:12, true, 1.5, 1700000000.1, r1, 1, 2, NULL, no optional values, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1700000000.1, r2, 2, 1, NULL, duplicate key, last wins, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1700000000.1, r3, 3]
DROP TABLE IF EXISTS "ds_staging"."events__tags"
CREATE TABLE "ds_staging"."events__tags" ("value" varchar(65535), "_dlt_root_id" varchar(65535) NOT NULL, "_dlt_parent_id" varchar(65535) NOT NULL, "_dlt_list_idx" bigint NOT NULL, "_dlt_id" varchar(65535) NOT NULL, "_dlt_stage_seq" bigint)
PREPARE INSERT INTO "ds_staging"."events__tags" ("value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id", "_dlt_stage_seq") VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)
  -- bound: [x, r1, r1, 0, c1, 4, y, r1, r1, 1, c2, 5]
DELETE FROM "ds"."events__tags" WHERE "_dlt_root_id" IN (SELECT d."_dlt_id" FROM "ds"."events" d WHERE EXISTS (SELECT 1 FROM "ds_staging"."events" s WHERE (d."id" = s."id")))
DELETE FROM "ds"."events" WHERE EXISTS (SELECT 1 FROM "ds_staging"."events" s WHERE ("ds"."events"."id" = s."id"))
INSERT INTO "ds"."events" ("id", "ts", "name", "doc", "amount", "data", "day", "clock", "flag", "score", "_dlt_load_id", "_dlt_id") SELECT "id", "ts", "name", "doc", "amount", "data", "day", "clock", "flag", "score", "_dlt_load_id", "_dlt_id" FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "_dlt_stage_seq" DESC) AS "_dlt_dedup_rn" FROM "ds_staging"."events") ranked WHERE "_dlt_dedup_rn" = 1
INSERT INTO "ds"."events__tags" ("value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id") SELECT "value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id" FROM "ds_staging"."events__tags" WHERE "_dlt_root_id" IN (SELECT "_dlt_id" FROM "ds"."events" WHERE "_dlt_load_id" = '1700000000.1')
PREPARE INSERT INTO "ds"."_dlt_loads" (load_id, schema_name, status, inserted_at, schema_version_hash) VALUES (?, ?, ?, ?, ?)
COMMIT
