import { z } from 'zod';
import { LOCALES, ROLES } from '../enums.ts';
import { LIMITS } from '../limits.ts';
import { idSchema } from './common.ts';

export const loginBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(LIMITS.nameMax).pipe(z.email()),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** One role grant: a role, scoped to one madrasah or (madrasahId null) to the whole tenant. */
export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  madrasahId: idSchema.nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    locale: z.enum(LOCALES),
    teacherId: idSchema.nullable(),
  }),
  tenant: z.object({ id: idSchema, name: z.string(), kind: z.string() }),
  roles: z.array(roleGrantSchema),
  madrasahs: z.array(z.object({ id: idSchema, name: z.string(), npsn: z.string().nullable() })),
  demo: z.boolean().describe('True when the server runs with demo data'),
  csrfToken: z.string().describe('Send back as the x-csrf-token header on writes'),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  name: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
});
