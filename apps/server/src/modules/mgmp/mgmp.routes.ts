import {
  cancelMgmpMeetingSchema,
  castMgmpVoteSchema,
  closeMgmpDecisionSchema,
  createMgmpAgendaItemSchema,
  createMgmpDecisionSchema,
  createMgmpFollowUpSchema,
  createMgmpGroupSchema,
  createMgmpMeetingSchema,
  createMgmpProgrammeItemSchema,
  createMgmpTopicSchema,
  errorBodySchema,
  idParamsSchema,
  mgmpAttendanceSchema,
  mgmpCheckInResultSchema,
  mgmpCheckInSchema,
  mgmpDecisionListQuerySchema,
  mgmpDecisionListSchema,
  mgmpDecisionRevisionListSchema,
  mgmpDecisionSchema,
  mgmpFollowUpListQuerySchema,
  mgmpFollowUpListSchema,
  mgmpFollowUpSchema,
  mgmpGroupListQuerySchema,
  mgmpGroupListSchema,
  mgmpGroupSchema,
  mgmpMeetingListQuerySchema,
  mgmpMeetingListSchema,
  mgmpMeetingSchema,
  mgmpMinutesHistorySchema,
  mgmpMinutesSchema,
  mgmpOverviewQuerySchema,
  mgmpOverviewSchema,
  mgmpProgrammeItemSchema,
  mgmpProgrammeListQuerySchema,
  mgmpProgrammeListSchema,
  mgmpTopicListQuerySchema,
  mgmpTopicListSchema,
  mgmpTopicSchema,
  okSchema,
  putMgmpAttendanceSchema,
  putMgmpMinutesSchema,
  reorderMgmpAgendaSchema,
  replaceMgmpMembersSchema,
  reviewMgmpDecisionSchema,
  reviseMgmpDecisionSchema,
  reviseMgmpMinutesSchema,
  scheduleMgmpProgrammeItemSchema,
  transitionMgmpMeetingSchema,
  updateMgmpAgendaItemSchema,
  updateMgmpFollowUpSchema,
  updateMgmpGroupSchema,
  updateMgmpMeetingSchema,
  updateMgmpProgrammeItemSchema,
} from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { addTopic, archiveGroup, createGroup, getGroup, listGroups, listTopics, replaceMembers, unarchiveGroup, updateGroup } from './groups.usecases.ts';
import {
  addAgendaItem,
  cancelMeeting,
  checkIn,
  createMeeting,
  createProgrammeItem,
  deleteAgendaItem,
  deleteProgrammeItem,
  getAttendance,
  getMeeting,
  listMeetings,
  listProgramme,
  putAttendance,
  reorderAgenda,
  scheduleProgrammeItem,
  transitionMeeting,
  updateAgendaItem,
  updateMeeting,
  updateProgrammeItem,
} from './meetings.usecases.ts';
import type { MgmpDeps } from './mgmp.context.ts';
import { createMgmpRepository } from './mgmp.repository.ts';
import {
  approveMinutes,
  castVote,
  closeDecision,
  createFollowUp,
  getDecision,
  listDecisionRevisions,
  listDecisions,
  listFollowUps,
  listMinutes,
  listMyFollowUps,
  openDecision,
  reviewDecision,
  reviseDecision,
  reviseMinutes,
  saveMinutesDraft,
  updateFollowUp,
} from './musyawarah.usecases.ts';
import { sendCachedJson } from '../cache/read-cache.reply.ts';
import { getGroupOverviewJson } from './overview.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['mgmp'];

/** MGMP: groups, programme, meetings, agenda, attendance, minutes, musyawarah decisions, follow-ups, overview. */
export const mgmpRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const deps: MgmpDeps = { db: appDeps.db, peopleRepository: appDeps.peopleRepository, clock: appDeps.clock, mgmpRepository: createMgmpRepository() };
  const p = '/mgmp';

  // groups
  app.get(`${p}/groups`, { schema: { tags, summary: 'MGMP groups (every teacher sees that a group exists)', querystring: mgmpGroupListQuerySchema, response: { 200: mgmpGroupListSchema, ...errors } } }, async (r) => listGroups(requireActor(r), r.query, deps));
  app.post(`${p}/groups`, { schema: { tags, summary: 'Create a group with officers and members', body: createMgmpGroupSchema, response: { 201: mgmpGroupSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await createGroup(requireActor(r), r.body, deps)));
  app.get(`${p}/groups/:id`, { schema: { tags, summary: 'One group with members', params: idParamsSchema, response: { 200: mgmpGroupSchema, ...errors } } }, async (r) => getGroup(requireActor(r), r.params.id, deps));
  app.patch(`${p}/groups/:id`, { schema: { tags, summary: 'Change a group (name, term, quorum)', params: idParamsSchema, body: updateMgmpGroupSchema, response: { 200: mgmpGroupSchema, ...errors } } }, async (r) => updateGroup(requireActor(r), r.params.id, r.body, deps));
  app.post(`${p}/groups/:id/archive`, { schema: { tags, summary: 'Archive a group (read-only afterwards)', params: idParamsSchema, response: { 200: mgmpGroupSchema, ...errors } } }, async (r) => archiveGroup(requireActor(r), r.params.id, deps));
  app.post(`${p}/groups/:id/unarchive`, { schema: { tags, summary: 'Take a group out of the archive (kepala / operator; it can be changed again)', params: idParamsSchema, response: { 200: mgmpGroupSchema, ...errors } } }, async (r) => unarchiveGroup(requireActor(r), r.params.id, deps));
  app.put(`${p}/groups/:id/members`, { schema: { tags, summary: 'Replace members and officers', params: idParamsSchema, body: replaceMgmpMembersSchema, response: { 200: mgmpGroupSchema, ...errors } } }, async (r) => replaceMembers(requireActor(r), r.params.id, r.body.members, deps));
  app.get(`${p}/groups/:id/overview`, { schema: { tags, summary: 'Group overview for a period (default: its term)', params: idParamsSchema, querystring: mgmpOverviewQuerySchema, response: { 200: mgmpOverviewSchema, ...errors } } }, async (r, reply) => sendCachedJson(reply, await getGroupOverviewJson(requireActor(r), r.params.id, r.query, deps, app.readCache)));

  // topics
  app.get(`${p}/topics`, { schema: { tags, summary: 'Programme topics (defaults + madrasah additions)', querystring: mgmpTopicListQuerySchema, response: { 200: mgmpTopicListSchema, ...errors } } }, async (r) => listTopics(requireActor(r), r.query, deps));
  app.post(`${p}/topics`, { schema: { tags, summary: 'Add a topic', body: createMgmpTopicSchema, response: { 201: mgmpTopicSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await addTopic(requireActor(r), r.body, deps)));

  // programme
  app.get(`${p}/groups/:id/programme-items`, { schema: { tags, summary: 'Annual programme (program kerja) with planned vs held', params: idParamsSchema, querystring: mgmpProgrammeListQuerySchema, response: { 200: mgmpProgrammeListSchema, ...errors } } }, async (r) => listProgramme(requireActor(r), r.params.id, r.query, deps));
  app.post(`${p}/groups/:id/programme-items`, { schema: { tags, summary: 'Add a planned activity', params: idParamsSchema, body: createMgmpProgrammeItemSchema, response: { 201: mgmpProgrammeItemSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await createProgrammeItem(requireActor(r), r.params.id, r.body, deps)));
  app.patch(`${p}/programme-items/:id`, { schema: { tags, summary: 'Change a planned activity', params: idParamsSchema, body: updateMgmpProgrammeItemSchema, response: { 200: mgmpProgrammeItemSchema, ...errors } } }, async (r) => updateProgrammeItem(requireActor(r), r.params.id, r.body, deps));
  app.delete(`${p}/programme-items/:id`, { schema: { tags, summary: 'Remove a planned activity not yet scheduled', params: idParamsSchema, response: { 200: okSchema, ...errors } } }, async (r) => deleteProgrammeItem(requireActor(r), r.params.id, deps));
  app.post(`${p}/programme-items/:id/schedule`, { schema: { tags, summary: 'Make the planned activity a meeting (one action)', params: idParamsSchema, body: scheduleMgmpProgrammeItemSchema, response: { 201: mgmpMeetingSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await scheduleProgrammeItem(requireActor(r), r.params.id, r.body, deps)));

  // meetings and agenda
  app.get(`${p}/groups/:id/meetings`, { schema: { tags, summary: 'Meetings of a group', params: idParamsSchema, querystring: mgmpMeetingListQuerySchema, response: { 200: mgmpMeetingListSchema, ...errors } } }, async (r) => listMeetings(requireActor(r), r.params.id, r.query, deps));
  app.post(`${p}/groups/:id/meetings`, { schema: { tags, summary: 'Plan a meeting (open follow-ups and decisions due for review join the agenda)', params: idParamsSchema, body: createMgmpMeetingSchema, response: { 201: mgmpMeetingSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await createMeeting(requireActor(r), r.params.id, r.body, deps)));
  app.get(`${p}/meetings/:id`, { schema: { tags, summary: 'One meeting with its agenda', params: idParamsSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => getMeeting(requireActor(r), r.params.id, deps));
  app.patch(`${p}/meetings/:id`, { schema: { tags, summary: 'Change a meeting', params: idParamsSchema, body: updateMgmpMeetingSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => updateMeeting(requireActor(r), r.params.id, r.body, deps));
  app.post(`${p}/meetings/:id/transition`, { schema: { tags, summary: 'Start or finish a meeting', params: idParamsSchema, body: transitionMgmpMeetingSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => transitionMeeting(requireActor(r), r.params.id, r.body.to, deps));
  app.post(`${p}/meetings/:id/cancel`, { schema: { tags, summary: 'Cancel a meeting with a reason', params: idParamsSchema, body: cancelMgmpMeetingSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => cancelMeeting(requireActor(r), r.params.id, r.body.reason, deps));
  app.post(`${p}/meetings/:id/agenda-items`, { schema: { tags, summary: 'Append an agenda item', params: idParamsSchema, body: createMgmpAgendaItemSchema, response: { 201: mgmpMeetingSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await addAgendaItem(requireActor(r), r.params.id, r.body, deps)));
  app.put(`${p}/meetings/:id/agenda-order`, { schema: { tags, summary: 'Reorder the agenda', params: idParamsSchema, body: reorderMgmpAgendaSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => reorderAgenda(requireActor(r), r.params.id, r.body.ids, deps));
  app.patch(`${p}/agenda-items/:id`, { schema: { tags, summary: 'Rename an agenda item (planned or running meeting)', params: idParamsSchema, body: updateMgmpAgendaItemSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => updateAgendaItem(requireActor(r), r.params.id, r.body, deps));
  app.delete(`${p}/agenda-items/:id`, { schema: { tags, summary: 'Remove an agenda item without minutes, decision or follow-up (planned or running meeting)', params: idParamsSchema, response: { 200: mgmpMeetingSchema, ...errors } } }, async (r) => deleteAgendaItem(requireActor(r), r.params.id, deps));

  // attendance
  app.get(`${p}/meetings/:id/attendance`, { schema: { tags, summary: 'Daftar hadir of a meeting', params: idParamsSchema, response: { 200: mgmpAttendanceSchema, ...errors } } }, async (r) => getAttendance(requireActor(r), r.params.id, deps));
  app.put(`${p}/meetings/:id/attendance`, { schema: { tags, summary: 'Record attendance (sekretaris, bulk)', params: idParamsSchema, body: putMgmpAttendanceSchema, response: { 200: mgmpAttendanceSchema, ...errors } } }, async (r) => putAttendance(requireActor(r), r.params.id, r.body.entries, deps));
  app.post(`${p}/meetings/:id/check-in`, { schema: { tags, summary: 'Check oneself in with the meeting code', params: idParamsSchema, body: mgmpCheckInSchema, response: { 200: mgmpCheckInResultSchema, ...errors } } }, async (r) => checkIn(requireActor(r), r.params.id, r.body.code, deps));

  // minutes
  app.get(`${p}/agenda-items/:id/minutes`, { schema: { tags, summary: 'Minutes of an agenda item, every revision', params: idParamsSchema, response: { 200: mgmpMinutesHistorySchema, ...errors } } }, async (r) => listMinutes(requireActor(r), r.params.id, deps));
  app.put(`${p}/agenda-items/:id/minutes`, { schema: { tags, summary: 'Write the draft minutes', params: idParamsSchema, body: putMgmpMinutesSchema, response: { 200: mgmpMinutesSchema, ...errors } } }, async (r) => saveMinutesDraft(requireActor(r), r.params.id, r.body, deps));
  app.post(`${p}/agenda-items/:id/minutes/approve`, { schema: { tags, summary: 'Approve the draft minutes (ketua)', params: idParamsSchema, response: { 200: mgmpMinutesSchema, ...errors } } }, async (r) => approveMinutes(requireActor(r), r.params.id, deps));
  app.post(`${p}/agenda-items/:id/minutes/revisions`, { schema: { tags, summary: 'Correct approved minutes with a new revision', params: idParamsSchema, body: reviseMgmpMinutesSchema, response: { 201: mgmpMinutesSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await reviseMinutes(requireActor(r), r.params.id, r.body, deps)));

  // decisions
  app.post(`${p}/agenda-items/:id/decisions`, { schema: { tags, summary: 'Put a proposal to musyawarah', params: idParamsSchema, body: createMgmpDecisionSchema, response: { 201: mgmpDecisionSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await openDecision(requireActor(r), r.params.id, r.body, deps)));
  app.get(`${p}/groups/:id/decisions`, { schema: { tags, summary: 'Decisions of a group', params: idParamsSchema, querystring: mgmpDecisionListQuerySchema, response: { 200: mgmpDecisionListSchema, ...errors } } }, async (r) => listDecisions(requireActor(r), r.params.id, r.query, deps));
  app.get(`${p}/decisions/:id`, { schema: { tags, summary: 'One decision with votes', params: idParamsSchema, response: { 200: mgmpDecisionSchema, ...errors } } }, async (r) => getDecision(requireActor(r), r.params.id, deps));
  app.post(`${p}/decisions/:id/votes`, { schema: { tags, summary: 'Vote (present members, once)', params: idParamsSchema, body: castMgmpVoteSchema, response: { 201: mgmpDecisionSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await castVote(requireActor(r), r.params.id, r.body, deps)));
  app.post(`${p}/decisions/:id/close`, { schema: { tags, summary: 'Close by mufakat (ketua) or vote (quorum)', params: idParamsSchema, body: closeMgmpDecisionSchema, response: { 200: mgmpDecisionSchema, ...errors } } }, async (r) => closeDecision(requireActor(r), r.params.id, r.body, deps));
  app.post(`${p}/decisions/:id/review`, { schema: { tags, summary: 'Mark a decision reviewed', params: idParamsSchema, body: reviewMgmpDecisionSchema, response: { 200: mgmpDecisionSchema, ...errors } } }, async (r) => reviewDecision(requireActor(r), r.params.id, r.body, deps));
  app.post(`${p}/decisions/:id/revise`, { schema: { tags, summary: 'Correct a closed decision (statement, rationale, review date) with a reason: an audited revision; outcome and votes stay (ketua, kepala / operator)', params: idParamsSchema, body: reviseMgmpDecisionSchema, response: { 200: mgmpDecisionSchema, ...errors } } }, async (r) => reviseDecision(requireActor(r), r.params.id, r.body, deps));
  app.get(`${p}/decisions/:id/revisions`, { schema: { tags, summary: 'Corrections of a decision, newest first, with the wording before and after each (from the audit log)', params: idParamsSchema, response: { 200: mgmpDecisionRevisionListSchema, ...errors } } }, async (r) => listDecisionRevisions(requireActor(r), r.params.id, deps));

  // follow-ups
  app.get(`${p}/groups/:id/follow-ups`, { schema: { tags, summary: 'Follow-ups of a group (overdue flagged)', params: idParamsSchema, querystring: mgmpFollowUpListQuerySchema, response: { 200: mgmpFollowUpListSchema, ...errors } } }, async (r) => listFollowUps(requireActor(r), r.params.id, r.query, deps));
  app.get(`${p}/follow-ups/mine`, { schema: { tags, summary: "The requester's own follow-ups", querystring: mgmpFollowUpListQuerySchema, response: { 200: mgmpFollowUpListSchema, ...errors } } }, async (r) => listMyFollowUps(requireActor(r), r.query, deps));
  app.post(`${p}/groups/:id/follow-ups`, { schema: { tags, summary: 'Assign a follow-up (one or more owners)', params: idParamsSchema, body: createMgmpFollowUpSchema, response: { 201: mgmpFollowUpSchema, ...errors } } }, async (r, reply) => reply.status(201).send(await createFollowUp(requireActor(r), r.params.id, r.body, deps)));
  app.patch(`${p}/follow-ups/:id`, { schema: { tags, summary: 'Update a follow-up (owners: status and evidence)', params: idParamsSchema, body: updateMgmpFollowUpSchema, response: { 200: mgmpFollowUpSchema, ...errors } } }, async (r) => updateFollowUp(requireActor(r), r.params.id, r.body, deps));
};
