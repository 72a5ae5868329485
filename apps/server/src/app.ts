import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyUnderPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config/config.ts';
import { pingDatabase, type DatabaseHandle } from './db/database.ts';
import { commonErrors } from './http/app-error.ts';
import { openSessionCache, registerAuth } from './http/auth.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { serializeRequest } from './http/request-log.ts';
import type { AppDeps } from './http/types.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { readCachePlugin } from './modules/cache/read-cache.plugin.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { mgmpRoutes } from './modules/mgmp/mgmp.routes.ts';
import { instrumentRoutes } from './modules/instruments/instruments.routes.ts';
import { observationRoutes } from './modules/observation/observation.routes.ts';
import { mgmpRecordsRoutes } from './modules/mgmp/records.routes.ts';
import { mgmpOverviewRoutes } from './modules/mgmp/overview.routes.ts';
import { teacherImportRoutes } from './modules/people/imports/imports.routes.ts';
import { createPeopleRepository } from './modules/people/people.repository.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { LoginThrottle } from './modules/tenancy/auth.usecases.ts';
import { createTenancyRepository } from './modules/tenancy/tenancy.repository.ts';
import { tenancyRoutes } from './modules/tenancy/tenancy.routes.ts';

export const VERSION = '0.1.0';

/** Where the built web client is, if it was built. */
function webDistFolder(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'apps', 'web', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * Builds the Fastify application: security headers, sessions, CSRF, the API under /api/v1,
 * OpenAPI at /api/openapi.json, health at /api/health and the web client.
 */
export async function buildApp(options: {
  config: AppConfig;
  database: DatabaseHandle;
  logger?: boolean;
  /** Where log lines go (tests read them); standard output by default. */
  logStream?: { write(line: string): void };
  clock?: () => Date;
}): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'], serializers: { req: serializeRequest }, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Per-request lines only when debugging: a school server's log stays readable.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const deps: AppDeps = {
    db: database.db,
    config,
    tenancyRepository: createTenancyRepository(),
    peopleRepository: createPeopleRepository(),
    throttle: new LoginThrottle(),
    sessionCache: openSessionCache(app, database, config.sessionCacheMs),
    clock: options.clock ?? (() => new Date()),
  };

  // helmet's headers, computed once at start-up (http/security-headers.ts).
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
      },
    },
    hsts: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => commonErrors['common.rate_limited'](),
  });
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    pressureHandler: (_req, _reply, type) => {
      throw Object.assign(commonErrors['common.unavailable'](), { pressure: type });
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tumbuh API', version: VERSION, description: 'MGMP, kinerja guru dan triangulasi bukti untuk madrasah.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tumbuh_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  registerAuth(app, deps);
  await app.register(readCachePlugin, { maxBytes: config.readCacheBytes, pool: database.pool });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Health: 200 only when the database answers', response: { 200: z.object({ status: z.literal('ok'), db: z.literal('up'), version: z.string(), demo: z.boolean() }), 503: z.object({ status: z.literal('unavailable'), db: z.literal('down'), version: z.string(), demo: z.boolean() }) } } },
    async (_request, reply) => {
      if (await pingDatabase(database)) return { status: 'ok' as const, db: 'up' as const, version: VERSION, demo: config.demo };
      return reply.status(503).send({ status: 'unavailable' as const, db: 'down' as const, version: VERSION, demo: config.demo });
    },
  );

  await app.register(
    async (api) => {
      await api.register(tenancyRoutes, { deps });
      await api.register(peopleRoutes, { deps });
      await api.register(teacherImportRoutes, { deps });
      await api.register(auditRoutes, { deps });
      await api.register(assessmentRoutes, { deps });
      await api.register(instrumentRoutes, { deps });
      await api.register(mgmpRoutes, { deps });
      await api.register(observationRoutes, { deps });
      await api.register(filesRoutes, { deps });
      await api.register(mgmpRecordsRoutes, { deps });
      await api.register(feedbackRoutes, { deps });
      await api.register(mgmpOverviewRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );

  const web = webDistFolder();
  if (web) {
    await app.register(fastifyStatic, {
      root: web,
      // Wildcard: files written by a later `vite build` are served without a restart.
      wildcard: true,
      // Hashed assets never change; the page and the service worker must be re-checked each time.
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !web) {
      throw commonErrors['common.not_found']();
    }
    // The students' feedback form is its own small page (no signed-in app bundle).
    if (request.url.startsWith('/u/')) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('student.html');
    // Client-side routes: the single-page app answers them.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
