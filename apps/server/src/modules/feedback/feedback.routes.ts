import {
  createFeedbackRoundSchema,
  errorBodySchema,
  feedbackResultsSchema,
  feedbackRoundListQuerySchema,
  feedbackRoundListSchema,
  feedbackRoundSchema,
  feedbackSettingsSchema,
  feedbackTokenParamsSchema,
  idParamsSchema,
  okSchema,
  publicFeedbackRoundSchema,
  submitFeedbackAnswerSchema,
  updateFeedbackSettingsSchema,
} from '@tumbuh/shared';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { createFeedbackRepository } from './feedback.repository.ts';
import { closeRound, createRound, getPublicRound, getResults, getRound, getSettings, listRounds, submitAnswer, updateSettings, type FeedbackDeps } from './feedback.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };
const tags = ['feedback'];

/** The public answering routes; app.ts keeps the IP and the token out of their log lines. */
export const PUBLIC_FEEDBACK_PREFIX = '/api/v1/public/feedback/';

/**
 * Per round, not per address: a class behind one school router shares one IP, and no address is
 * kept. A class of 40 answers in a minute or two; 120 answers a minute per round is far above that.
 */
export const ANSWERS_PER_ROUND_PER_MINUTE = 120;
const READS_PER_ROUND_PER_MINUTE = 600;

const roundKey = (request: FastifyRequest): string => `feedback:${(request.params as { token?: string }).token ?? ''}`;

/**
 * Student feedback: rounds (kepala / operator), results behind the threshold, the tenant setting, and
 * the public answering routes under /public/feedback/:token (no session, no CSRF token, no IP kept).
 */
export const feedbackRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const deps: FeedbackDeps = { db: appDeps.db, peopleRepository: appDeps.peopleRepository, clock: appDeps.clock, publicUrl: appDeps.config.publicUrlConfigured ? appDeps.config.publicUrl : null, feedbackRepository: createFeedbackRepository(), tokenCache: new Map(), itemCache: new Map() };

  // ---------- public (no account) ----------
  app.get(
    '/public/feedback/:token',
    {
      config: { rateLimit: { max: READS_PER_ROUND_PER_MINUTE, timeWindow: '1 minute', keyGenerator: roundKey } },
      schema: { tags, summary: 'Public: a round’s form (teacher’s name, subject, class, items). 409 when closed, 404 when unknown', params: feedbackTokenParamsSchema, response: { 200: publicFeedbackRoundSchema, ...errors } },
    },
    async (q) => getPublicRound(q.params.token, deps),
  );
  app.post(
    '/public/feedback/:token/answers',
    {
      config: { rateLimit: { max: ANSWERS_PER_ROUND_PER_MINUTE, timeWindow: '1 minute', keyGenerator: roundKey } },
      schema: {
        tags,
        summary: 'Public: send one anonymous answer sheet (every item 1–4, optional comment). One per device key; nothing identifying is stored',
        params: feedbackTokenParamsSchema,
        body: submitFeedbackAnswerSchema,
        response: { 201: okSchema, ...errors },
      },
    },
    async (q, reply) => {
      await submitAnswer(q.params.token, q.body, deps);
      return reply.status(201).send({ ok: true as const });
    },
  );

  // ---------- signed-in ----------
  app.get('/feedback/settings', { schema: { tags, summary: 'The tenant’s feedback threshold (answers before results are shown)', response: { 200: feedbackSettingsSchema, ...errors } } }, async (q) => getSettings(requireActor(q), deps));
  app.put('/feedback/settings', { schema: { tags, summary: 'Set the threshold (operator or kepala); below 5 is refused', body: updateFeedbackSettingsSchema, response: { 200: feedbackSettingsSchema, ...errors } } }, async (q) => updateSettings(requireActor(q), q.body, deps));
  app.get('/feedback/rounds', { schema: { tags, summary: 'Feedback rounds the requester may see (a guru: rounds about themself)', querystring: feedbackRoundListQuerySchema, response: { 200: feedbackRoundListSchema, ...errors } } }, async (q) => listRounds(requireActor(q), q.query, deps));
  app.post('/feedback/rounds', { schema: { tags, summary: 'Open a round for a class and teacher (kepala or operator)', body: createFeedbackRoundSchema, response: { 201: feedbackRoundSchema, ...errors } } }, async (q, reply) => reply.status(201).send(await createRound(requireActor(q), q.body, deps)));
  app.get('/feedback/rounds/:id', { schema: { tags, summary: 'One round with its live answer count', params: idParamsSchema, response: { 200: feedbackRoundSchema, ...errors } } }, async (q) => getRound(requireActor(q), q.params.id, deps));
  app.post('/feedback/rounds/:id/close', { schema: { tags, summary: 'Close a round (kepala or operator); its device secret is erased', params: idParamsSchema, response: { 200: feedbackRoundSchema, ...errors } } }, async (q) => closeRound(requireActor(q), q.params.id, deps));
  app.get(
    '/feedback/rounds/:id/results',
    { schema: { tags, summary: 'Results (at least the threshold of answers, else 409 feedback.not_enough_answers with the count); free text for the kepala only', params: idParamsSchema, response: { 200: feedbackResultsSchema, ...errors } } },
    async (q) => getResults(requireActor(q), q.params.id, deps),
  );
};
