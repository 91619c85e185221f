ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "campaign_recipients" DROP CONSTRAINT "campaign_recipients_customer_id_customers_id_fk";
