import {
  clusterListSchema,
  clusterSchema,
  createClusterSchema,
  createSubjectSchema,
  createTeacherSchema,
  errorBodySchema,
  idParamsSchema,
  listQuerySchema,
  madrasahListSchema,
  madrasahSchema,
  subjectListQuerySchema,
  subjectListSchema,
  subjectSchema,
  teacherDetailSchema,
  teacherListQuerySchema,
  teacherListSchema,
  updateClusterSchema,
  updateSubjectSchema,
  updateTeacherSchema,
  idSchema,
} from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import {
  createCluster,
  createSubject,
  createTeacher,
  deactivateTeacher,
  getMadrasah,
  getTeacher,
  listClusters,
  listMadrasahs,
  listSubjects,
  listTeachers,
  updateCluster,
  updateSubject,
  updateTeacher,
} from './people.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const clusterListQuerySchema = listQuerySchema.extend({ madrasahId: idSchema.optional() });

/** Madrasahs, clusters (rumpun), subjects (mata pelajaran) and teachers (guru). */
export const peopleRoutes: RoutesPlugin = async (app, { deps }) => {
  app.get('/madrasahs', { schema: { tags: ['people'], summary: 'Madrasahs the user can see', querystring: listQuerySchema, response: { 200: madrasahListSchema, ...errors } } }, async (request) =>
    listMadrasahs(requireActor(request), request.query, deps),
  );
  app.get('/madrasahs/:id', { schema: { tags: ['people'], summary: 'One madrasah', params: idParamsSchema, response: { 200: madrasahSchema, ...errors } } }, async (request) =>
    getMadrasah(requireActor(request), request.params.id, deps),
  );

  app.get('/clusters', { schema: { tags: ['people'], summary: 'Subject clusters (rumpun)', querystring: clusterListQuerySchema, response: { 200: clusterListSchema, ...errors } } }, async (request) =>
    listClusters(requireActor(request), request.query, deps),
  );
  app.post('/clusters', { schema: { tags: ['people'], summary: 'Add a cluster', body: createClusterSchema, response: { 201: clusterSchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createCluster(requireActor(request), request.body, deps)),
  );
  app.patch('/clusters/:id', { schema: { tags: ['people'], summary: 'Change or deactivate a cluster', params: idParamsSchema, body: updateClusterSchema, response: { 200: clusterSchema, ...errors } } }, async (request) =>
    updateCluster(requireActor(request), request.params.id, request.body, deps),
  );

  app.get('/subjects', { schema: { tags: ['people'], summary: 'Subjects (mata pelajaran)', querystring: subjectListQuerySchema, response: { 200: subjectListSchema, ...errors } } }, async (request) =>
    listSubjects(requireActor(request), request.query, deps),
  );
  app.post('/subjects', { schema: { tags: ['people'], summary: 'Add a subject', body: createSubjectSchema, response: { 201: subjectSchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createSubject(requireActor(request), request.body, deps)),
  );
  app.patch('/subjects/:id', { schema: { tags: ['people'], summary: 'Change or deactivate a subject', params: idParamsSchema, body: updateSubjectSchema, response: { 200: subjectSchema, ...errors } } }, async (request) =>
    updateSubject(requireActor(request), request.params.id, request.body, deps),
  );

  app.get('/teachers', { schema: { tags: ['people'], summary: 'Teachers: search, filter, page', querystring: teacherListQuerySchema, response: { 200: teacherListSchema, ...errors } } }, async (request) =>
    listTeachers(requireActor(request), request.query, deps),
  );
  app.post('/teachers', { schema: { tags: ['people'], summary: 'Add a teacher', body: createTeacherSchema, response: { 201: teacherDetailSchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await createTeacher(requireActor(request), request.body, deps)),
  );
  app.get('/teachers/:id', { schema: { tags: ['people'], summary: 'One teacher', params: idParamsSchema, response: { 200: teacherDetailSchema, ...errors } } }, async (request) =>
    getTeacher(requireActor(request), request.params.id, deps),
  );
  app.patch('/teachers/:id', { schema: { tags: ['people'], summary: 'Change a teacher', params: idParamsSchema, body: updateTeacherSchema, response: { 200: teacherDetailSchema, ...errors } } }, async (request) =>
    updateTeacher(requireActor(request), request.params.id, request.body, deps),
  );
  app.delete('/teachers/:id', { schema: { tags: ['people'], summary: 'Deactivate a teacher (nothing is erased)', params: idParamsSchema, response: { 200: teacherDetailSchema, ...errors } } }, async (request) =>
    deactivateTeacher(requireActor(request), request.params.id, deps),
  );
};
