import {
  createObservationGoalSchema,
  createObservationReflectionSchema,
  createObservationSchema,
  errorBodySchema,
  idParamsSchema,
  observationGoalListQuerySchema,
  observationGoalListSchema,
  observationGoalParamsSchema,
  observationListQuerySchema,
  observationListSchema,
  observationMgmpGroupsSchema,
  observationNoteParamsSchema,
  observationNoteSchema,
  observationPeerListSchema,
  observationPeerQuerySchema,
  observationSchema,
  okSchema,
  putObservationNoteSchema,
  putObservationRatingsSchema,
  sendObservationGoalSchema,
  transitionObservationSchema,
  updateObservationSchema,
} from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { createAssessmentCycleRepository } from '../assessment/assessment-cycle.repository.ts';
import { createInstrumentCatalogue } from '../assessment/instruments.catalogue.ts';
import { createInstrumentsRepository } from '../assessment/instruments.repository.ts';
import { createMadrasahInstrumentsRepository } from '../instruments/instruments.repository.ts';
import { createMgmpRepository } from '../mgmp/mgmp.repository.ts';
import './observation.files.ts';
import { createObservationRepository } from './observation.repository.ts';
import {
  addGoal,
  addReflection,
  createObservation,
  deleteGoal,
  deleteNote,
  getObservation,
  listGoalsOfTeacher,
  listObservations,
  listPeerCandidates,
  listTeacherMgmpGroups,
  putNote,
  putRatings,
  sendGoalToMgmp,
  transitionObservation,
  updateObservation,
  type ObservationDeps,
} from './observation.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['observation'];

/** Classroom observation under /observations: plan, notes during the lesson, ratings, reflection, goals (and sending them to MGMP). */
export const observationRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const deps: ObservationDeps = {
    db: appDeps.db,
    peopleRepository: appDeps.peopleRepository,
    clock: appDeps.clock,
    observationRepository: createObservationRepository(),
    assessmentCycleRepository: createAssessmentCycleRepository(),
    mgmpRepository: createMgmpRepository(),
    instrumentCatalogue: createInstrumentCatalogue({ db: appDeps.db, instrumentsRepository: createInstrumentsRepository() }),
    madrasahInstrumentsRepository: createMadrasahInstrumentsRepository(),
  };
  const p = '/observations';
  const r = app;

  r.get(p, { schema: { tags, summary: 'Observations the requester may see (kepala / pengawas: their madrasahs; observers: theirs; a teacher: their own)', querystring: observationListQuerySchema, response: { 200: observationListSchema, ...errors } } }, async (q) =>
    listObservations(requireActor(q), q.query, deps),
  );
  r.post(p, { schema: { tags, summary: 'Plan an observation (kepala, pengawas, or a peer named by the kepala)', body: createObservationSchema, response: { 201: observationSchema, ...errors } } }, async (q, reply) =>
    reply.status(201).send(await createObservation(requireActor(q), q.body, deps)),
  );
  r.get(`${p}/goals`, { schema: { tags, summary: 'A teacher’s follow-up goals from observations (teacher page)', querystring: observationGoalListQuerySchema, response: { 200: observationGoalListSchema, ...errors } } }, async (q) =>
    listGoalsOfTeacher(requireActor(q), q.query.teacherId, deps),
  );
  r.get(`${p}/peer-candidates`, { schema: { tags, summary: 'Who the kepala may name as peer observer of a teacher', querystring: observationPeerQuerySchema, response: { 200: observationPeerListSchema, ...errors } } }, async (q) =>
    listPeerCandidates(requireActor(q), q.query.teacherId, deps),
  );
  r.get(`${p}/:id`, { schema: { tags, summary: 'One observation (notes and ratings reach the teacher once shared)', params: idParamsSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    getObservation(requireActor(q), q.params.id, deps),
  );
  r.patch(`${p}/:id`, { schema: { tags, summary: 'Change the plan (until the lesson is over)', params: idParamsSchema, body: updateObservationSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    updateObservation(requireActor(q), q.params.id, q.body, deps),
  );
  r.post(`${p}/:id/transition`, { schema: { tags, summary: 'planned → in_progress → reflected (shared with the teacher) → closed (immutable)', params: idParamsSchema, body: transitionObservationSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    transitionObservation(requireActor(q), q.params.id, q.body.to, deps),
  );
  r.put(`${p}/:id/notes/:noteId`, { schema: { tags, summary: 'Write or edit a time-stamped note by its device-generated id (idempotent)', params: observationNoteParamsSchema, body: putObservationNoteSchema, response: { 200: observationNoteSchema, ...errors } } }, async (q) =>
    putNote(requireActor(q), q.params.id, q.params.noteId, q.body, deps),
  );
  r.delete(`${p}/:id/notes/:noteId`, { schema: { tags, summary: 'Delete a note (until closed)', params: observationNoteParamsSchema, response: { 200: okSchema, ...errors } } }, async (q) =>
    deleteNote(requireActor(q), q.params.id, q.params.noteId, deps),
  );
  r.put(`${p}/:id/ratings`, { schema: { tags, summary: 'Rate indicators on the instrument’s scale (all or nothing)', params: idParamsSchema, body: putObservationRatingsSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    putRatings(requireActor(q), q.params.id, q.body, deps),
  );
  r.post(`${p}/:id/reflections`, { schema: { tags, summary: 'Add to the reflection conversation (teacher’s reflection or observer’s feedback)', params: idParamsSchema, body: createObservationReflectionSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    addReflection(requireActor(q), q.params.id, q.body, deps),
  );
  r.post(`${p}/:id/goals`, { schema: { tags, summary: 'Add an agreed follow-up goal', params: idParamsSchema, body: createObservationGoalSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    addGoal(requireActor(q), q.params.id, q.body, deps),
  );
  r.delete(`${p}/:id/goals/:goalId`, { schema: { tags, summary: 'Remove a goal not yet sent to MGMP', params: observationGoalParamsSchema, response: { 200: observationSchema, ...errors } } }, async (q) =>
    deleteGoal(requireActor(q), q.params.id, q.params.goalId, deps),
  );
  r.post(
    `${p}/:id/goals/:goalId/send-to-mgmp`,
    { schema: { tags, summary: 'Send a goal to the teacher’s MGMP group: agenda item of its next planned meeting, else a follow-up of the group', params: observationGoalParamsSchema, body: sendObservationGoalSchema, response: { 200: observationSchema, ...errors } } },
    async (q) => sendGoalToMgmp(requireActor(q), q.params.id, q.params.goalId, q.body, deps),
  );
  r.get(`${p}/:id/mgmp-groups`, { schema: { tags, summary: 'The observed teacher’s MGMP groups with their next planned meeting', params: idParamsSchema, response: { 200: observationMgmpGroupsSchema, ...errors } } }, async (q) =>
    listTeacherMgmpGroups(requireActor(q), q.params.id, deps),
  );
};
