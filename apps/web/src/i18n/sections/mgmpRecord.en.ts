import type { DeepStringRecord } from '../en.ts';
import type { mgmpRecordId } from './mgmpRecord.id.ts';

/** English texts of what a meeting leaves on record. */
export const mgmpRecordEn: DeepStringRecord<typeof mgmpRecordId> = {
  contributions: {
    title: 'Contributions by members',
    hint: 'Who contributed what to the discussion of this item.',
    row: 'Contribution {n}',
    who: 'Who',
    choose: '— choose a member —',
    formerMember: 'No longer a member',
    text: 'What they contributed',
    add: 'Add a contribution',
    remove: 'Remove',
    removeLabel: 'Remove contribution {n}',
    full: 'At most {max} contributions per agenda item.',
    whoRequired: 'Choose the member who contributed.',
    textRequired: 'Write what they contributed.',
    textTooLong: 'At most {max} characters.',
    fix: 'Check the marked contributions. Rows left empty are not saved.',
    view: 'Contributions',
  },
  source: {
    label: 'Comes from',
    none: '— not from a decision or agenda item —',
    decisions: 'Musyawarah decisions',
    meeting: 'Agenda of {title} ({date})',
    hint: 'Agenda items of the last {n} meetings that are running or finished.',
    fromDecision: 'From decision: {text}',
    fromDecisionUnknown: 'From a musyawarah decision',
    fromAgenda: 'From agenda item: {item}',
    fromAgendaUnknown: 'From a meeting agenda item',
    meetingOn: '{title}, {date}',
  },
  cancel: {
    runningHint: 'This meeting is running. Attendance, minutes and decisions already recorded are kept, but once it is cancelled nothing can be added or changed.',
  },
};
