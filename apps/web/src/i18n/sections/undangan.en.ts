import type { DeepStringRecord } from '../en.ts';
import type { undanganId } from './undangan.id.ts';

/** English texts of an MGMP meeting's invitation list: who is invited (members, guests). */
export const undanganEn: DeepStringRecord<typeof undanganId> = {
  title: 'Invitations',
  hint: "Every member is invited. Untick to narrow it (e.g. a lesson study for the Grade VII teachers), or add a teacher of the madrasah as a guest (e.g. a speaker).",
  members: 'Group members',
  all: 'All',
  none: 'Clear',
  guests: 'Guests',
  guestSearch: 'Add a guest (a teacher of this madrasah)',
  guestSearchHint: "Type at least 2 letters of the teacher's name.",
  guestAdd: 'Add {name}',
  guestRemove: 'Remove {name} from the invitations',
  noResults: 'No matching teacher.',
  count: '{count} invited',
  countOf: '{count} of {members} members invited',
  guestBadge: 'guest',
  notInvitedBadge: 'not invited',
  already: 'already invited',
  listTitle: 'Invited ({count})',
  empty: 'Nobody is invited yet.',
  edit: 'Change invitations',
  save: 'Save invitations',
  saved: 'Invitations saved.',
  lockedNote: 'The invitations can only be changed while the meeting is planned.',
  noneChosen: 'Choose at least one teacher.',
};
