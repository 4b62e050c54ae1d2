CREATE SCHEMA IF NOT EXISTS "ds"
CREATE TABLE IF NOT EXISTS "ds"."_dlt_loads" ("load_id" varchar(65535) NOT NULL, "schema_name" varchar(65535), "status" bigint NOT NULL, "inserted_at" timestamp with time zone NOT NULL, "schema_version_hash" varchar(65535))
CREATE TABLE IF NOT EXISTS "ds"."_dlt_version" ("version" bigint NOT NULL, "engine_version" bigint NOT NULL, "inserted_at" timestamp with time zone NOT NULL, "schema_name" varchar(65535) NOT NULL, "version_hash" varchar(65535) NOT NULL, "schema" varchar(65535) NOT NULL)
CREATE TABLE IF NOT EXISTS "ds"."_dlt_pipeline_state" ("version" bigint NOT NULL, "engine_version" bigint NOT NULL, "pipeline_name" varchar(65535) NOT NULL, "state" varchar(65535) NOT NULL, "created_at" timestamp with time zone NOT NULL, "version_hash" varchar(65535), "_dlt_load_id" varchar(65535) NOT NULL, "_dlt_id" varchar(65535) NOT NULL)
CREATE TABLE "ds"."events" ("id" bigint NOT NULL, "ts" timestamp with time zone, "name" varchar(65535), "doc" super, "amount" numeric(38,9), "data" varbinary, "day" date, "clock" time without time zone UNIQUE, "flag" boolean, "score" double precision, "_dlt_load_id" varchar(65535) NOT NULL, "_dlt_id" varchar(65535) NOT NULL UNIQUE) DISTKEY ("id") SORTKEY ("ts", "day")
CREATE TABLE "ds"."events__tags" ("value" varchar(65535), "_dlt_root_id" varchar(65535) NOT NULL, "_dlt_parent_id" varchar(65535) NOT NULL, "_dlt_list_idx" bigint NOT NULL, "_dlt_id" varchar(65535) NOT NULL UNIQUE)
PREPARE INSERT INTO "ds"."events" ("id", "ts", "name", "doc", "amount", "data", "day", "clock", "flag", "score", "_dlt_load_id", "_dlt_id") VALUES (?, CAST(? AS timestamp with time zone), ?, JSON_PARSE(?), ?, ?, CAST(? AS date), CAST(? AS time without time zone), ?, ?, ?, ?)
  -- bound: [1, 2024-01-01T10:00:00Z, O'Brien "quoted", {"a":[1,2]}, 12.500000000, bytes[3], 2024-02-29, 10:11:12, true, 1.5, 1700000000.1, r1]
  -- bound: [2, NULL, no optional values, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1700000000.1, r2]
  -- bound: [1, NULL, duplicate key, last wins, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1700000000.1, r3]
PREPARE INSERT INTO "ds"."events__tags" ("value", "_dlt_root_id", "_dlt_parent_id", "_dlt_list_idx", "_dlt_id") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)
  -- bound: [x, r1, r1, 0, c1, y, r1, r1, 1, c2]
PREPARE INSERT INTO "ds"."_dlt_loads" (load_id, schema_name, status, inserted_at, schema_version_hash) VALUES (?, ?, ?, ?, ?)
COMMIT
