import type { DeepStringRecord } from '../en.ts';
import type { hadirId } from './hadir.id.ts';

/** English texts of the MGMP attendance sheet: a note per member and check-in times. */
export const hadirEn: DeepStringRecord<typeof hadirId> = {
  noteToggle: 'Note for {name}',
  noteLabel: 'Note for {name}',
  notePlaceholder: 'e.g. excused: sick child, arrived late',
  noteHint: 'At most {max} characters. Kept on this phone until it is sent.',
  noteSave: 'Save note',
  noteCancel: 'Cancel',
  noteClear: 'Remove note',
  noteWaitsForCode: 'the note is sent once a code H/I/S/A is chosen',
  noteShown: 'Note: {note}',
  checkedInSelf: 'checked in {time}',
  checkedInOverridden: 'checked in {time}, code changed by an officer',
};
