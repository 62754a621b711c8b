select * from "categories" where "code" = $1 and "active" = $2;
select * from "districts" where "id" = $1;
select * from "departments" where "district_id" = $1 and "code" = $2;
create sequence if not exists "case_number_1_2026";
select nextval($1::regclass) as seq;
insert into "cases" ("district_id", "kind", "source", "category_id", "priority", "title", "description", "state", "version", "lat", "lng", "address", "grid_id", "community_id", "street_id", "department_id", "reporter_user_id", "reporter_name", "reporter_phone", "tracking_code_hash", "api_key_id", "created_by", "dispatch_deadline", "created_at", "updated_at", "number") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) returning *;
insert into "case_events" ("case_id", "district_id", "at", "actor_user_id", "actor_role", "action", "from_state", "to_state", "note", "data", "street_id", "community_id", "grid_id", "department_id", "person_id", "on_time", "reworked", "responded_in_time", "rating", "rollup_deltas") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20);
insert into outbox (kind, payload) select $1, $2::jsonb where exists (select 1 from dispatch_auto_rules where district_id = $3);
