ALTER TABLE "audit_log" ADD COLUMN "madrasah_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_madrasah_at_idx" ON "audit_log" USING btree ("tenant_id","madrasah_id","at");