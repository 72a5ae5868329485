import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import type { TenancyRepository } from '../modules/tenancy/tenancy.repository.ts';
import type { LoginThrottle } from '../modules/tenancy/auth.usecases.ts';
import type { SessionCache } from '../modules/tenancy/session-cache.ts';
import type { PeopleRepository } from '../modules/people/people.repository.ts';

/** What route plugins receive: the database and the repositories, built once per app. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  tenancyRepository: TenancyRepository;
  peopleRepository: PeopleRepository;
  throttle: LoginThrottle;
  /** Recently resolved sign-in sessions; absent when turned off. */
  sessionCache?: SessionCache;
  clock: () => Date;
}

/** A module's routes. */
export type RoutesPlugin = FastifyPluginAsyncZod<{ deps: AppDeps }>;
