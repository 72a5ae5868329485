/**
 * Bulk MGMP data for the benchmarks, written with a few set-based SQL statements (generate_series)
 * straight into the server's PostgreSQL as its owner, plus sessions created in the database (the
 * same rows a login writes: SHA-256 of the cookie token, a CSRF token), so that hundreds of
 * accounts can call the API without going through the rate-limited login.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';

export interface BenchSession {
  userId: string;
  teacherId: string | null;
  cookie: string;
  csrf: string;
}

/** Creates sessions for users (one each) and returns the cookie and CSRF token of each. */
export async function createSessions(pool: pg.Pool, tenantId: string, users: { id: string; teacherId: string | null }[]): Promise<BenchSession[]> {
  const out = users.map((u) => {
    const token = randomBytes(32).toString('base64url');
    return { userId: u.id, teacherId: u.teacherId, token, hash: createHash('sha256').update(token).digest('hex'), csrf: randomBytes(32).toString('base64url'), id: uuidv7() };
  });
  for (let i = 0; i < out.length; i += 1000) {
    const chunk = out.slice(i, i + 1000);
    await pool.query(
      `insert into sessions (tenant_id, id, user_id, token_hash, csrf_token, expires_at)
       select $1, s.id, s.user_id, s.hash, s.csrf, now() + interval '1 day'
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) as s(id, user_id, hash, csrf)`,
      [tenantId, chunk.map((s) => s.id), chunk.map((s) => s.userId), chunk.map((s) => s.hash), chunk.map((s) => s.csrf)],
    );
  }
  return out.map((s) => ({ userId: s.userId, teacherId: s.teacherId, cookie: `tumbuh_session=${s.token}`, csrf: s.csrf }));
}

export interface DistrictShape {
  madrasahs: number;
  teachersPerMadrasah: number;
  groupsPerMadrasah: number;
  membersPerGroup: number;
  meetings: number;
  /** Share of meetings that were held (selesai, with an attendance row per member); the rest are planned in the future. */
  heldShare: number;
}

export interface District {
  tenantId: string;
  madrasahIds: string[];
  groupIds: string[];
  /** A user with a tenant-wide kepala madrasah grant (sees every group). */
  kepala: { id: string; teacherId: null };
  counts: Record<string, number>;
}

/**
 * A district tenant: madrasahs with teachers, groups of members from one madrasah (term = the
 * calendar year of `year`), meetings spread over that year with agenda items, attendance for the held
 * ones (H 80 %, I/S/A the rest), a decision on every other held meeting (half of them reviewed), a
 * follow-up per decision in every state, and a programme item per meeting with one of the default
 * topics. Ids are gen_random_uuid() (bench data only).
 */
export async function seedDistrict(pool: pg.Pool, shape: DistrictShape, year: number): Promise<District> {
  const tenantId = uuidv7();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`insert into tenants (id, tenant_id, name, kind) values ($1, $1, 'Kabupaten Bench', 'kabupaten')`, [tenantId]);
    await client.query(`create temp table bm on commit drop as select g as n, gen_random_uuid() as id from generate_series(1, $1::int) g`, [shape.madrasahs]);
    await client.query(`insert into madrasahs (tenant_id, id, name) select $1, id, 'MTs Bench ' || n from bm`, [tenantId]);
    await client.query(
      `create temp table bt on commit drop as
       select bm.n as m, bm.id as madrasah_id, t as k, gen_random_uuid() as id from bm, generate_series(1, $1::int) t`,
      [shape.teachersPerMadrasah],
    );
    await client.query(`insert into teachers (tenant_id, id, madrasah_id, name, search_text) select $1, id, madrasah_id, 'Guru ' || m || '-' || k, 'guru ' || m || '-' || k from bt`, [tenantId]);
    await client.query(
      `create temp table bg on commit drop as
       select bm.n as m, bm.id as madrasah_id, g as k, gen_random_uuid() as id, row_number() over (order by bm.n, g) as n from bm, generate_series(1, $1::int) g`,
      [shape.groupsPerMadrasah],
    );
    await client.query(
      `insert into mgmp_groups (tenant_id, id, madrasah_id, name, term_start, term_end) select $1, id, madrasah_id, 'MGMP Bench ' || m || '-' || k, make_date($2, 1, 1), make_date($2, 12, 31) from bg`,
      [tenantId, year],
    );
    // Members: a window of consecutive teachers of the group's madrasah; the first is ketua, the second sekretaris.
    await client.query(
      `insert into mgmp_members (tenant_id, group_id, teacher_id, role)
       select $1, bg.id, bt.id, case j when 0 then 'ketua' when 1 then 'sekretaris' else 'anggota' end
       from bg cross join generate_series(0, $2::int - 1) j
       join bt on bt.m = bg.m and bt.k = 1 + ((bg.k * 7 + j) % $3::int)`,
      [tenantId, shape.membersPerGroup, shape.teachersPerMadrasah],
    );
    await client.query(
      `insert into mgmp_topics (tenant_id, id, madrasah_id, code, name)
       select $1, gen_random_uuid(), null, code, name from (values ('modul-ajar', 'Modul ajar / RPP'), ('asesmen', 'Asesmen'), ('model-pembelajaran', 'Model pembelajaran'), ('pengelolaan-kelas', 'Pengelolaan kelas'), ('lesson-study', 'Lesson study'), ('ptk', 'Penelitian tindakan kelas (PTK)'), ('diskusi-permasalahan', 'Diskusi permasalahan pembelajaran')) t(code, name)`,
      [tenantId],
    );
    const groupCount = shape.madrasahs * shape.groupsPerMadrasah;
    // Meetings: round-robin over groups, spread over the year; the first heldShare are held (in the past of the year), the rest planned.
    await client.query(
      `create temp table bmt on commit drop as
       select i, gen_random_uuid() as id, (select id from bg where bg.n = 1 + (i % $1::int)) as group_id,
              make_timestamptz($2, 1, 1, 2, 0, 0, 'UTC') + ((i * 347) % 360) * interval '1 day' as starts_at,
              case when i < $3::int then 'selesai' else 'direncanakan' end as status
       from generate_series(0, $4::int - 1) i`,
      [groupCount, year, Math.round(shape.meetings * shape.heldShare), shape.meetings],
    );
    await client.query(
      `insert into mgmp_meetings (tenant_id, id, group_id, title, starts_at, ends_at, status, check_in_code)
       select $1, id, group_id, 'Pertemuan ' || i, starts_at, starts_at + interval '2 hours', status, 'K' || lpad((i % 100000)::text, 5, '0') from bmt`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_agenda_items (tenant_id, id, meeting_id, ordinal, title, kind)
       select $1, gen_random_uuid(), id, o, case o when 1 then 'Diskusi' else 'Usulan' end, case o when 1 then 'biasa' else 'proposal' end from bmt, generate_series(1, 2) o`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_attendance (tenant_id, meeting_id, teacher_id, code, source)
       select $1, bmt.id, mm.teacher_id, case when (bmt.i + hashtext(mm.teacher_id::text)) % 10 < 8 then 'H' when (bmt.i % 3) = 0 then 'I' when (bmt.i % 3) = 1 then 'S' else 'A' end, 'sekretaris'
       from bmt join mgmp_members mm on mm.tenant_id = $1 and mm.group_id = bmt.group_id
       where bmt.status = 'selesai'`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_decisions (tenant_id, id, group_id, meeting_id, agenda_item_id, proposal, status, outcome, adopted, statement, review_date, reviewed_at, closed_at, created_at)
       select $1, gen_random_uuid(), bmt.group_id, bmt.id, a.id, 'Usulan ' || bmt.i, 'closed', 'mufakat', true, 'Disepakati', (bmt.starts_at + interval '60 days')::date,
              case when bmt.i % 4 = 0 then bmt.starts_at + interval '61 days' end, bmt.starts_at + interval '1 hour', bmt.starts_at + interval '30 minutes'
       from bmt join mgmp_agenda_items a on a.tenant_id = $1 and a.meeting_id = bmt.id and a.ordinal = 2
       where bmt.status = 'selesai' and bmt.i % 2 = 0`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_follow_ups (tenant_id, id, group_id, decision_id, what, due_date, status)
       select $1, gen_random_uuid(), d.group_id, d.id, 'Tindak lanjut', d.created_at::date + 30, (array['belum', 'sedang', 'selesai', 'batal'])[1 + (abs(hashtext(d.id::text)) % 4)]
       from mgmp_decisions d where d.tenant_id = $1`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_follow_up_owners (tenant_id, follow_up_id, teacher_id)
       select $1, f.id, (select mm.teacher_id from mgmp_members mm where mm.tenant_id = $1 and mm.group_id = f.group_id and mm.role = 'sekretaris')
       from mgmp_follow_ups f where f.tenant_id = $1`,
      [tenantId],
    );
    await client.query(
      `insert into mgmp_programme_items (tenant_id, id, group_id, academic_year, type, topic_id, title, target_month, meeting_id)
       select $1, gen_random_uuid(), bmt.group_id, case when extract(month from bmt.starts_at) >= 7 then $2::int || '/' || ($2::int + 1) else ($2::int - 1) || '/' || $2::int end, 'rutin',
              (select t.id from mgmp_topics t where t.tenant_id = $1 order by t.code offset (bmt.i % 7) limit 1), 'Kegiatan ' || bmt.i, to_char(bmt.starts_at, 'YYYY-MM'), bmt.id
       from bmt`,
      [tenantId, year],
    );
    const kepalaId = uuidv7();
    await client.query(`insert into users (tenant_id, id, email, name) values ($1, $2, $3, 'Kepala Bench')`, [tenantId, kepalaId, `kepala-${tenantId}@bench.invalid`]);
    await client.query(`insert into role_grants (tenant_id, id, user_id, role, madrasah_id) values ($1, $2, $3, 'kepala_madrasah', null)`, [tenantId, uuidv7(), kepalaId]);
    const madrasahIds = (await client.query<{ id: string }>('select id from bm order by n')).rows.map((r) => r.id);
    const groupIds = (await client.query<{ id: string }>('select id from bg order by n')).rows.map((r) => r.id);
    await client.query('commit');
    const counts: Record<string, number> = {};
    for (const table of ['teachers', 'mgmp_groups', 'mgmp_members', 'mgmp_meetings', 'mgmp_attendance', 'mgmp_decisions', 'mgmp_follow_ups', 'mgmp_programme_items']) {
      counts[table] = Number((await pool.query<{ n: string }>(`select count(*) as n from ${table} where tenant_id = $1`, [tenantId])).rows[0]?.n ?? 0);
    }
    return { tenantId, madrasahIds, groupIds, kepala: { id: kepalaId, teacherId: null }, counts };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface CheckInShape {
  teachers: number;
  meetings: number;
  membersPerMeeting: number;
}

export interface CheckInData {
  tenantId: string;
  /** Every (meeting, member) pair that may check in, with the meeting's code. */
  pairs: { meetingId: string; teacherId: string; code: string }[];
  /** Teacher accounts (role guru), one per teacher. */
  users: { id: string; teacherId: string }[];
}

/**
 * A tenant with one madrasah, `teachers` teachers each with a guru account, and `meetings` groups
 * of `membersPerMeeting` members (consecutive windows of teachers, so every teacher is in several
 * groups), each with one meeting running now (berlangsung, started 10 minutes ago, ends in 3 hours).
 */
export async function seedCheckIn(pool: pg.Pool, shape: CheckInShape): Promise<CheckInData> {
  const tenantId = uuidv7();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`insert into tenants (id, tenant_id, name, kind) values ($1, $1, 'Presensi Bench', 'madrasah')`, [tenantId]);
    const madrasahId = uuidv7();
    await client.query(`insert into madrasahs (tenant_id, id, name) values ($1, $2, 'MTs Presensi')`, [tenantId, madrasahId]);
    await client.query(`create temp table ct on commit drop as select k, gen_random_uuid() as id, gen_random_uuid() as user_id from generate_series(0, $1::int - 1) k`, [shape.teachers]);
    await client.query(`insert into teachers (tenant_id, id, madrasah_id, name, search_text) select $1, id, $2, 'Guru ' || k, 'guru ' || k from ct`, [tenantId, madrasahId]);
    await client.query(`insert into users (tenant_id, id, email, name, teacher_id) select $1, user_id, 'guru' || k || '-' || $1::uuid::text || '@bench.invalid', 'Guru ' || k, id from ct`, [tenantId]);
    await client.query(`insert into role_grants (tenant_id, id, user_id, role, madrasah_id) select $1, gen_random_uuid(), user_id, 'guru', $2 from ct`, [tenantId, madrasahId]);
    await client.query(`create temp table cg on commit drop as select g, gen_random_uuid() as id, gen_random_uuid() as meeting_id, 'C' || lpad(g::text, 5, '0') as code from generate_series(0, $1::int - 1) g`, [shape.meetings]);
    await client.query(`insert into mgmp_groups (tenant_id, id, madrasah_id, name, term_start, term_end) select $1, id, $2, 'MGMP Presensi ' || g, current_date - 30, current_date + 300 from cg`, [tenantId, madrasahId]);
    await client.query(
      `insert into mgmp_members (tenant_id, group_id, teacher_id, role)
       select $1, cg.id, ct.id, case j when 0 then 'ketua' when 1 then 'sekretaris' else 'anggota' end
       from cg cross join generate_series(0, $2::int - 1) j join ct on ct.k = (cg.g * 13 + j) % $3::int`,
      [tenantId, shape.membersPerMeeting, shape.teachers],
    );
    await client.query(
      `insert into mgmp_meetings (tenant_id, id, group_id, title, starts_at, ends_at, status, check_in_code)
       select $1, meeting_id, id, 'Pertemuan berlangsung ' || g, now() - interval '10 minutes', now() + interval '3 hours', 'berlangsung', code from cg`,
      [tenantId],
    );
    const pairs = (
      await client.query<{ meeting_id: string; teacher_id: string; code: string }>(
        `select cg.meeting_id, mm.teacher_id, cg.code from cg join mgmp_members mm on mm.tenant_id = $1 and mm.group_id = cg.id order by cg.g, mm.teacher_id`,
        [tenantId],
      )
    ).rows.map((r) => ({ meetingId: r.meeting_id, teacherId: r.teacher_id, code: r.code }));
    const users = (await client.query<{ user_id: string; id: string }>('select user_id, id from ct order by k')).rows.map((r) => ({ id: r.user_id, teacherId: r.id }));
    await client.query('commit');
    return { tenantId, pairs, users };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
