CREATE TABLE "analytics_campaign_funnels" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"recipients" integer NOT NULL,
	"sent" integer NOT NULL,
	"delivered" integer NOT NULL,
	"read" integer NOT NULL,
	"clicked" integer NOT NULL,
	"converted" integer NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_campaign_funnels_tenant_id_campaign_id_pk" PRIMARY KEY("tenant_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_contest_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"contest_id" uuid NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "analytics_contest_days_tenant_id_day_contest_id_pk" PRIMARY KEY("tenant_id","day","contest_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"new_customers" integer DEFAULT 0 NOT NULL,
	"notices_sent" integer DEFAULT 0 NOT NULL,
	"consent_answers" integer DEFAULT 0 NOT NULL,
	"consent_answers_granted" integer DEFAULT 0 NOT NULL,
	"opt_outs" integer DEFAULT 0 NOT NULL,
	"granted_net" integer DEFAULT 0 NOT NULL,
	"withdrawn_net" integer DEFAULT 0 NOT NULL,
	"purchases" integer DEFAULT 0 NOT NULL,
	"revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_merchant_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"merchant" text NOT NULL,
	"purchases" integer NOT NULL,
	"revenue" numeric(14, 2) NOT NULL,
	CONSTRAINT "analytics_merchant_days_tenant_id_day_merchant_pk" PRIMARY KEY("tenant_id","day","merchant")
);
--> statement-breakpoint
CREATE TABLE "analytics_message_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_id" uuid NOT NULL,
	"messages_in" integer DEFAULT 0 NOT NULL,
	"messages_out" integer DEFAULT 0 NOT NULL,
	"threads" integer DEFAULT 0 NOT NULL,
	"threads_answered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_message_days_tenant_id_day_channel_id_pk" PRIMARY KEY("tenant_id","day","channel_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_response_times" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel_id" uuid NOT NULL,
	"bucket" smallint NOT NULL,
	"threads" integer NOT NULL,
	CONSTRAINT "analytics_response_times_tenant_id_day_channel_id_bucket_pk" PRIMARY KEY("tenant_id","day","channel_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics_snapshots" (
	"tenant_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"customers" integer NOT NULL,
	"spend" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_snapshots_tenant_id_dimension_key_pk" PRIMARY KEY("tenant_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_stale_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "analytics_stale_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone,
	"snapshot_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "analytics_campaign_funnels" ADD CONSTRAINT "analytics_campaign_funnels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_campaign_funnels" ADD CONSTRAINT "analytics_campaign_funnels_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_contest_days" ADD CONSTRAINT "analytics_contest_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_contest_days" ADD CONSTRAINT "analytics_contest_days_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_days" ADD CONSTRAINT "analytics_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_merchant_days" ADD CONSTRAINT "analytics_merchant_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_message_days" ADD CONSTRAINT "analytics_message_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_message_days" ADD CONSTRAINT "analytics_message_days_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_response_times" ADD CONSTRAINT "analytics_response_times_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_response_times" ADD CONSTRAINT "analytics_response_times_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_snapshots" ADD CONSTRAINT "analytics_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_stale_days" ADD CONSTRAINT "analytics_stale_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_state" ADD CONSTRAINT "analytics_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_tenant_created_idx" ON "messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "consent_events_tenant_occurred_idx" ON "consent_events" USING btree ("tenant_id","occurred_at");