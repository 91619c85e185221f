DROP INDEX "customers_tenant_created_idx";--> statement-breakpoint
CREATE INDEX "customers_tenant_name_idx" ON "customers" USING btree ("tenant_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "customers_tenant_last_interaction_idx" ON "customers" USING btree ("tenant_id",coalesce("last_interaction_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "customers_tenant_inbound_idx" ON "customers" USING btree ("tenant_id","inbound_count","id");--> statement-breakpoint
CREATE INDEX "customers_tenant_outbound_idx" ON "customers" USING btree ("tenant_id","outbound_count","id");--> statement-breakpoint
CREATE INDEX "customers_tenant_born_desc_idx" ON "customers" USING btree ("tenant_id",coalesce("date_of_birth", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "customers_tenant_born_asc_idx" ON "customers" USING btree ("tenant_id",coalesce("date_of_birth", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "customers_tenant_state_idx" ON "customers" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "customers_tenant_gender_idx" ON "customers" USING btree ("tenant_id","gender");--> statement-breakpoint
CREATE INDEX "customers_tenant_marital_idx" ON "customers" USING btree ("tenant_id","marital_status");--> statement-breakpoint
CREATE INDEX "customers_tenant_consent_idx" ON "customers" USING btree ("tenant_id","consent_status");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops,"profile_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_trgm_idx" ON "customers" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_tenant_created_idx" ON "customers" USING btree ("tenant_id","created_at","id");