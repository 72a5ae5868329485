ALTER TABLE "instrument_competencies" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "instrument_domains" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "instrument_indicator_focus" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "instrument_indicators" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "instrument_indicators" ADD COLUMN "descriptors" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "madrasah_id" uuid;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_one_draft_key" ON "instruments" USING btree ("code") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "instruments_tenant_madrasah_idx" ON "instruments" USING btree ("tenant_id","madrasah_id");--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_owner_check" CHECK ((tenant_id is null) = (madrasah_id is null));--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_status_check" CHECK (status in ('draft', 'published'));--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_published_at_check" CHECK ((status = 'published') = (published_at is not null));