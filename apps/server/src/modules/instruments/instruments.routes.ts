import {
  createMadrasahInstrumentSchema,
  errorBodySchema,
  idParamsSchema,
  instrumentCodeParamsSchema,
  instrumentDetailSchema,
  instrumentListQuerySchema,
  instrumentListSchema,
  instrumentVersionQuerySchema,
  madrasahInstrumentSchema,
  okSchema,
  updateMadrasahInstrumentSchema,
} from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { createInstrumentCatalogue } from '../assessment/instruments.catalogue.ts';
import { createInstrumentsRepository } from '../assessment/instruments.repository.ts';
import { createMadrasahInstrumentsRepository } from './instruments.repository.ts';
import {
  createMadrasahInstrument,
  deleteMadrasahInstrument,
  getMadrasahInstrument,
  getPublishedInstrument,
  listAllInstruments,
  newMadrasahInstrumentVersion,
  publishMadrasahInstrument,
  updateMadrasahInstrument,
  type InstrumentBuilderDeps,
} from './instruments.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['instruments'];

/**
 * Instruments: the list and published versions (official and madrasah-built) under /instruments,
 * and the builder of madrasah instruments under /madrasah-instruments (draft → published → new version).
 */
export const instrumentRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const deps: InstrumentBuilderDeps = {
    db: appDeps.db,
    peopleRepository: appDeps.peopleRepository,
    clock: appDeps.clock,
    madrasahInstrumentsRepository: createMadrasahInstrumentsRepository(),
    instrumentCatalogue: createInstrumentCatalogue({ db: appDeps.db, instrumentsRepository: createInstrumentsRepository() }),
  };
  const r = app;

  r.get(
    '/instruments',
    {
      schema: {
        tags,
        summary: 'Instruments the requester may use: official ones (every published version) and those built by their madrasahs (drafts only for operator / kepala)',
        querystring: instrumentListQuerySchema,
        response: { 200: instrumentListSchema, ...errors },
      },
    },
    async (q) => listAllInstruments(requireActor(q), q.query, deps),
  );
  r.get(
    '/instruments/:code',
    {
      schema: {
        tags,
        summary: 'One published instrument version (official, or of a madrasah the requester sees): domains, competencies, indicators, descriptors and focus tags',
        params: instrumentCodeParamsSchema,
        querystring: instrumentVersionQuerySchema,
        response: { 200: instrumentDetailSchema, ...errors },
      },
    },
    async (q) => getPublishedInstrument(requireActor(q), { code: q.params.code, version: q.query.version }, deps),
  );

  const p = '/madrasah-instruments';
  r.post(p, { schema: { tags, summary: 'Start a madrasah instrument: draft version 1 (operator / kepala of the madrasah)', body: createMadrasahInstrumentSchema, response: { 201: madrasahInstrumentSchema, ...errors } } }, async (q, reply) =>
    reply.status(201).send(await createMadrasahInstrument(requireActor(q), q.body, deps)),
  );
  r.get(`${p}/:id`, { schema: { tags, summary: 'One madrasah instrument version with its tree, its versions and what still stops publishing', params: idParamsSchema, response: { 200: madrasahInstrumentSchema, ...errors } } }, async (q) =>
    getMadrasahInstrument(requireActor(q), q.params.id, deps),
  );
  r.put(`${p}/:id`, { schema: { tags, summary: 'Replace a draft’s title, scale and whole tree (409 once published)', params: idParamsSchema, body: updateMadrasahInstrumentSchema, response: { 200: madrasahInstrumentSchema, ...errors } } }, async (q) =>
    updateMadrasahInstrument(requireActor(q), q.params.id, q.body, deps),
  );
  r.post(`${p}/:id/publish`, { schema: { tags, summary: 'Publish a complete draft: the version is frozen from now on', params: idParamsSchema, response: { 200: madrasahInstrumentSchema, ...errors } } }, async (q) =>
    publishMadrasahInstrument(requireActor(q), q.params.id, deps),
  );
  r.post(`${p}/:id/new-version`, { schema: { tags, summary: 'A new draft version copied from a published version (one draft per instrument at a time)', params: idParamsSchema, response: { 201: madrasahInstrumentSchema, ...errors } } }, async (q, reply) =>
    reply.status(201).send(await newMadrasahInstrumentVersion(requireActor(q), q.params.id, deps)),
  );
  r.delete(`${p}/:id`, { schema: { tags, summary: 'Delete a draft version (a published one stays for good)', params: idParamsSchema, response: { 200: okSchema, ...errors } } }, async (q) =>
    deleteMadrasahInstrument(requireActor(q), q.params.id, deps),
  );
};
