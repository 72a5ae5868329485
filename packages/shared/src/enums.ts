/** Roles a user can hold; each is scoped to one madrasah or to the whole tenant. */
export const ROLES = ['operator', 'kepala_madrasah', 'pengawas', 'koordinator_mgmp', 'guru', 'peneliti'] as const;
export type Role = (typeof ROLES)[number];

/** Jenis kelamin as schools record it: L (laki-laki) / P (perempuan). */
export const GENDERS = ['L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];

/** Status kepegawaian values seen in Dapodik/EMIS (§5.1 of the domain reference) plus PPPK. */
export const EMPLOYMENT_STATUSES = ['PNS', 'PPPK', 'GTY', 'GTT', 'HONOR', 'GB', 'LAINNYA'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** Kinds of tenant. */
export const TENANT_KINDS = ['madrasah', 'yayasan', 'kantor'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** Curricula a subject belongs to. */
export const CURRICULA = ['merdeka', 'k13', 'both'] as const;
export type Curriculum = (typeof CURRICULA)[number];

/** UI locales; Indonesian is the source language. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
