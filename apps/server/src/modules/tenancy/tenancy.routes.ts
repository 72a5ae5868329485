import {
  acceptInvitationSchema,
  createInvitationSchema,
  errorBodySchema,
  idParamsSchema,
  invitationListSchema,
  invitationSchema,
  listQuerySchema,
  loginBodySchema,
  meSchema,
  okSchema,
  updateMeSchema,
  updateUserSchema,
  userListSchema,
  userSchema,
} from '@tumbuh/shared';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE, requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { acceptInvitation, getMe, login, logout, SESSION_TTL_MS, updateMe } from './auth.usecases.ts';
import { createInvitation, listInvitations, listUsers, revokeInvitation, updateUser } from './users.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

function setSessionCookie(reply: FastifyReply, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** Sign-in, the current user, accounts and invitations. */
export const tenancyRoutes: RoutesPlugin = async (app, { deps }) => {
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: loginBodySchema, response: { 200: meSchema, ...errors, 429: errorBodySchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, csrfToken, actor } = await login(request.body, deps);
      setSessionCookie(reply, token);
      return getMe(actor, csrfToken, deps);
    },
  );

  app.post(
    '/auth/accept-invitation',
    {
      schema: { tags: ['auth'], summary: 'Accept an invitation and set a password', body: acceptInvitationSchema, response: { 200: meSchema, ...errors } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, csrfToken, actor } = await acceptInvitation(request.body, deps);
      setSessionCookie(reply, token);
      return getMe(actor, csrfToken, deps);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema, ...errors } } }, async (request, reply) => {
    await logout(requireActor(request), deps);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user, tenant and roles', response: { 200: meSchema, ...errors } } }, async (request) => {
    return getMe(requireActor(request), request.csrfToken ?? '', deps);
  });

  app.patch('/me', { schema: { tags: ['auth'], summary: 'Change own language or name', body: updateMeSchema, response: { 200: meSchema, ...errors } } }, async (request) => {
    const actor = await updateMe(requireActor(request), request.body, deps);
    return getMe(actor, request.csrfToken ?? '', deps);
  });

  app.get('/users', { schema: { tags: ['accounts'], summary: 'List accounts', querystring: listQuerySchema, response: { 200: userListSchema, ...errors } } }, async (request) => {
    return listUsers(requireActor(request), request.query, deps);
  });

  app.patch(
    '/users/:id',
    { schema: { tags: ['accounts'], summary: 'Change an account', params: idParamsSchema, body: updateUserSchema, response: { 200: userSchema, ...errors } } },
    async (request) => updateUser(requireActor(request), request.params.id, request.body, deps),
  );

  app.get(
    '/invitations',
    { schema: { tags: ['accounts'], summary: 'List invitations', querystring: listQuerySchema, response: { 200: invitationListSchema, ...errors } } },
    async (request) => listInvitations(requireActor(request), request.query, deps),
  );

  app.post(
    '/invitations',
    { schema: { tags: ['accounts'], summary: 'Invite a person with a role', body: createInvitationSchema, response: { 201: invitationSchema, ...errors } } },
    async (request, reply) => {
      const invitation = await createInvitation(requireActor(request), request.body, { ...deps, publicUrl: deps.config.publicUrl });
      return reply.status(201).send(invitation);
    },
  );

  app.delete(
    '/invitations/:id',
    { schema: { tags: ['accounts'], summary: 'Revoke an invitation', params: idParamsSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await revokeInvitation(requireActor(request), request.params.id, deps);
      return { ok: true as const };
    },
  );
};
