CREATE TABLE "stored_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"category" text NOT NULL,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"storage_key" text NOT NULL,
	"thumb_key" text,
	"thumb_media_type" text,
	"thumb_byte_size" integer,
	"caption" text,
	"sha256" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stored_files_category_check" CHECK ("stored_files"."category" in ('image', 'document')),
	CONSTRAINT "stored_files_size_check" CHECK ("stored_files"."byte_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("tenant_id","owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_logo_key" ON "stored_files" USING btree ("tenant_id","owner_id") WHERE owner_kind = 'madrasah_logo';