/** Every table, for drizzle-kit and the query builder. Tables are declared in each module's *.tables.ts. */
export * from '../modules/tenancy/tenancy.tables.ts';
export * from '../modules/people/people.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/assessment/instruments.tables.ts';
export * from '../modules/mgmp/mgmp.tables.ts';
export * from '../modules/assessment/assessment-cycle.tables.ts';
export * from '../modules/assessment/assessment-settings.tables.ts';
export * from '../modules/assessment/assessment-results.tables.ts';
export * from '../modules/feedback/feedback.tables.ts';
export * from '../modules/files/files.tables.ts';
export * from '../modules/observation/observation.tables.ts';
