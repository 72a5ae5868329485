import { defineErrors } from '../../http/app-error.ts';

export const tenancyErrors = defineErrors({
  'auth.invalid_credentials': { status: 401, id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  'auth.account_disabled': { status: 403, id: 'Akun ini dinonaktifkan. Hubungi operator madrasah.', en: 'This account is disabled. Contact the madrasah operator.' },
  'auth.invitation_invalid': { status: 400, id: 'Undangan tidak berlaku (kedaluwarsa, dibatalkan, atau sudah dipakai).', en: 'The invitation is not valid (expired, revoked or already used).' },
  'tenancy.user_not_found': { status: 404, id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  'tenancy.email_taken': { status: 409, id: 'Email ini sudah dipakai akun lain.', en: 'This email is already used by another account.' },
  'tenancy.invitation_not_found': { status: 404, id: 'Undangan tidak ditemukan.', en: 'Invitation not found.' },
  'tenancy.madrasah_required': { status: 400, id: 'Peran ini harus dikaitkan dengan madrasah yang valid.', en: 'This role must be tied to a valid madrasah.' },
  'tenancy.last_operator': { status: 409, id: 'Operator terakhir tidak boleh dinonaktifkan atau dicabut perannya.', en: 'The last operator cannot be disabled or lose the role.' },
});
