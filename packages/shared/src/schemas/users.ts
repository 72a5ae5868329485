import { z } from 'zod';
import { ROLES } from '../enums.ts';
import { LIMITS } from '../limits.ts';
import { idSchema, listResponseSchema, requiredText } from './common.ts';
import { roleGrantSchema } from './auth.ts';

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  teacherId: idSchema.nullable(),
  roles: z.array(roleGrantSchema),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = listResponseSchema(userSchema);

export const updateUserSchema = z.strictObject({
  name: requiredText().optional(),
  active: z.boolean().optional(),
  roles: z.array(z.strictObject({ role: z.enum(ROLES), madrasahId: idSchema.nullable() })).min(1).max(20).optional(),
  teacherId: idSchema.nullable().optional(),
});

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  madrasahId: idSchema.nullable(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** Present only in the answer to the create call: the link to hand to the invitee. */
  acceptUrl: z.string().optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = listResponseSchema(invitationSchema);

export const createInvitationSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(LIMITS.nameMax).pipe(z.email()),
  name: requiredText(),
  role: z.enum(ROLES),
  madrasahId: idSchema.nullable(),
  teacherId: idSchema.nullable().optional(),
});

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
});
