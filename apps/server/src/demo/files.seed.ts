import { and, asc, desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { withTenant, type Database } from '../db/database.ts';
import { putMadrasahLogo, uploadOwnerFile } from '../modules/files/files.usecases.ts';
import { mgmpGroups, mgmpMeetings } from '../modules/mgmp/mgmp.tables.ts';
import { madrasahs } from '../modules/people/people.tables.ts';
import type { Actor } from '../modules/tenancy/tenancy.models.ts';
import { createTenancyRepository } from '../modules/tenancy/tenancy.repository.ts';
import { users } from '../modules/tenancy/tenancy.tables.ts';

/**
 * Files of the demo, written when the seed has a data folder (`npm start`, `tumbuh seed-demo`, the
 * e2e server): a logo for every demo madrasah (its operator "uploads" it, so the kop of the printed
 * records shows it) and documentation photos on a few held MGMP meetings (their ketua or the
 * operator "takes" them, so the meeting's dokumentasi and the laporan kegiatan show photos).
 *
 * Every image is drawn here from an SVG (invented emblems and a plain classroom illustration marked
 * "ilustrasi demo"; nothing downloaded) and goes through the same use cases as an upload: checked by
 * content, re-encoded, thumbnailed, stored under `<dataDir>/files/<tenant>/`, audited. Deterministic
 * apart from the meeting dates the demo already takes from today. About 0.8 s of CPU (10 images drawn
 * and re-encoded); owners are written side by side.
 */

/** The held meetings that get photos: the group, which of its held meetings (0 = most recent), who uploads, how many photos. */
export const DEMO_PHOTO_MEETINGS = [
  { tenant: 'MTs Contoh', group: 'MGMP MIPA', heldIndex: 0, uploader: 'koordinator@contoh.sch.id', photos: 3 },
  { tenant: 'MTs Contoh', group: 'MGMP MIPA', heldIndex: 1, uploader: 'koordinator@contoh.sch.id', photos: 2 },
  { tenant: 'MTs Contoh', group: 'MGMP Rumpun PAI', heldIndex: 0, uploader: 'operator@contoh.sch.id', photos: 2 },
] as const;

/** Who uploads each demo tenant's logos (its operator). */
const LOGO_UPLOADERS: Record<string, string> = { 'MTs Contoh': 'operator@contoh.sch.id', 'Yayasan Contoh': 'operator@yayasan.sch.id' };

const CAPTIONS = ['Paparan materi oleh ketua MGMP', 'Diskusi kelompok anggota', 'Presentasi hasil diskusi'] as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Initials of a madrasah for its emblem: "MTs Contoh Nusantara" → "CN" (the "MTs" prefix is drawn apart). */
export function emblemInitials(name: string): string {
  const words = name.replace(/^(MTs|MA|MI)\s+/i, '').split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  return (words.map((w) => w[0]?.toUpperCase() ?? '').join('').slice(0, 3) || 'M').trim();
}

/** An invented emblem: a green disc with a gold ring, a star, the initials and "MTs"; 300 px (what the kop prints), transparent corners (stored as PNG). */
export function logoSvg(name: string): string {
  const initials = escapeXml(emblemInitials(name));
  const kind = escapeXml(/^(MTs|MA|MI)\b/i.exec(name)?.[1] ?? 'MTs');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 480 480">
  <circle cx="240" cy="240" r="230" fill="#17694a"/>
  <circle cx="240" cy="240" r="196" fill="none" stroke="#e9c46a" stroke-width="10"/>
  <path transform="translate(240 64) scale(0.72) translate(-240 -70)" d="M240 70 l16 34 37 4 -28 25 8 36 -33 -19 -33 19 8 -36 -28 -25 37 -4z" fill="#e9c46a"/>
  <text x="240" y="282" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${initials.length > 2 ? 96 : 124}" font-weight="bold" fill="#ffffff" text-anchor="middle">${initials}</text>
  <text x="240" y="362" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="46" font-weight="bold" fill="#e9c46a" text-anchor="middle" letter-spacing="6">${kind}</text>
</svg>`;
}

/** Pixels of a demo photo: enough for the laporan and a phone screen, small enough to make fast. */
const PHOTO_SIZE = { width: 720, height: 480 };

/** A plain classroom illustration: a whiteboard with the meeting title, a table of teachers; varied by `variant`. */
export function photoSvg(input: { group: string; title: string; date: string; variant: number }): string {
  const v = input.variant % 3;
  const wall = ['#e8efe9', '#efe9df', '#e6ecf2'][v] ?? '#e8efe9';
  const people = v === 0 ? 6 : v === 1 ? 5 : 7;
  const figures: string[] = [];
  const shirts = ['#2f6f8f', '#8f4f2f', '#3f7f4f', '#7f3f6f', '#5f5f8f', '#8f7f2f', '#2f8f7f'];
  const scarves = ['#f4f1de', '#a8dadc', '#ffcad4'];
  for (let i = 0; i < people; i++) {
    const x = Math.round(150 + (i * 660) / Math.max(1, people - 1));
    const y = 470 + ((i + v) % 2) * 14;
    const body = `<path d="M${x - 46} ${y + 40} q0 -70 46 -70 q46 0 46 70 z" fill="${shirts[(i + v) % shirts.length]}"/>`;
    // Every other figure wears a jilbab (drawn behind the face), the others short hair (drawn over the head).
    figures.push(
      i % 2 === 1
        ? `${body}<path d="M${x - 40} ${y - 20} q0 -84 40 -84 q40 0 40 84 q-40 14 -80 0 z" fill="${scarves[i % scarves.length]}"/><circle cx="${x}" cy="${y - 60}" r="24" fill="#c8966b"/>`
        : `${body}<circle cx="${x}" cy="${y - 62}" r="30" fill="#c8966b"/><path d="M${x - 32} ${y - 80} q32 -26 64 0 l0 -8 q-32 -30 -64 0 z" fill="#3a3a3a"/>`,
    );
  }
  const presenter = v === 1 ? '' : `<circle cx="${v === 0 ? 790 : 130}" cy="170" r="28" fill="#c8966b"/><path d="M${v === 0 ? 748 : 88} 300 q0 -100 42 -100 q42 0 42 100 z" fill="#264653"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_SIZE.width}" height="${PHOTO_SIZE.height}" viewBox="0 0 960 640">
  <rect width="960" height="640" fill="${wall}"/>
  <rect y="520" width="960" height="120" fill="#b08968"/>
  <rect x="210" y="60" width="540" height="250" rx="8" fill="#ffffff" stroke="#6b705c" stroke-width="10"/>
  <text x="480" y="130" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="34" font-weight="bold" fill="#1d3557" text-anchor="middle">${escapeXml(input.group)}</text>
  <text x="480" y="185" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="28" fill="#1d3557" text-anchor="middle">${escapeXml(input.title)}</text>
  <text x="480" y="235" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="24" fill="#457b9d" text-anchor="middle">${escapeXml(input.date)}</text>
  ${presenter}
  <rect x="90" y="455" width="780" height="40" rx="6" fill="#7f5539"/>
  ${figures.join('\n  ')}
  <rect x="0" y="600" width="960" height="40" fill="#000000" opacity="0.45"/>
  <text x="20" y="628" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="22" fill="#ffffff">Ilustrasi demo Tumbuh — bukan foto asli</text>
</svg>`;
}

const dateFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });

/** The account as the API would see it after login (its grants), to run the upload use cases as that user. */
async function actorOf(db: Database, tenantId: string, email: string): Promise<Actor> {
  return withTenant(db, tenantId, async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.email, email))).limit(1);
    if (!user) throw new Error(`demo files: no account ${email}`);
    const grants = await createTenancyRepository().listGrants(tx, tenantId, [user.id]);
    return {
      userId: user.id,
      tenantId,
      sessionId: 'demo-seed',
      email: user.email,
      name: user.name,
      locale: user.locale === 'en' ? 'en' : 'id',
      teacherId: user.teacherId,
      roles: grants.map((g) => ({ role: g.role, madrasahId: g.madrasahId })),
    };
  });
}

/**
 * Stores the demo's logos and meeting photos under `<dataDir>/files`. `tenants`: the demo tenants'
 * ids by name (as seeded just before).
 */
export async function seedDemoFiles(db: Database, input: { dataDir: string; tenants: Record<string, string> }): Promise<{ logos: number; photos: number }> {
  const deps = { db, dataDir: input.dataDir };
  // Owners are independent: their uploads run side by side (image work overlaps the database and
  // the disk flushes); the photos of one meeting go one after the other, so they keep their order.
  const logoUploads = Object.entries(input.tenants).map(async ([tenantName, tenantId]) => {
    const uploader = LOGO_UPLOADERS[tenantName];
    if (!uploader) return 0;
    const actor = await actorOf(db, tenantId, uploader);
    const list = await withTenant(db, tenantId, (tx) => tx.select({ id: madrasahs.id, name: madrasahs.name }).from(madrasahs).where(eq(madrasahs.tenantId, tenantId)).orderBy(asc(madrasahs.name)));
    await Promise.all(
      list.map(async (m) => {
        const data = await sharp(Buffer.from(logoSvg(m.name))).png().toBuffer();
        await putMadrasahLogo(deps, actor, m.id, { fileName: `logo-${emblemInitials(m.name).toLowerCase()}.png`, declaredType: 'image/png', data });
      }),
    );
    return list.length;
  });

  const photoUploads = DEMO_PHOTO_MEETINGS.map(async (def) => {
    const tenantId = input.tenants[def.tenant];
    if (!tenantId) return 0;
    const meetings = await withTenant(db, tenantId, (tx) =>
      tx
        .select({ id: mgmpMeetings.id, title: mgmpMeetings.title, startsAt: mgmpMeetings.startsAt })
        .from(mgmpMeetings)
        .innerJoin(mgmpGroups, and(eq(mgmpGroups.tenantId, mgmpMeetings.tenantId), eq(mgmpGroups.id, mgmpMeetings.groupId)))
        .where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpGroups.name, def.group), eq(mgmpMeetings.status, 'selesai')))
        .orderBy(desc(mgmpMeetings.startsAt)),
    );
    const meeting = meetings[def.heldIndex];
    if (!meeting) return 0;
    const actor = await actorOf(db, tenantId, def.uploader);
    const date = dateFormat.format(meeting.startsAt);
    const stamp = meeting.startsAt.toISOString().slice(0, 10).replace(/-/g, '');
    for (let k = 0; k < def.photos; k++) {
      const data = await sharp(Buffer.from(photoSvg({ group: def.group, title: meeting.title, date, variant: k + def.heldIndex }))).jpeg({ quality: 88 }).toBuffer();
      await uploadOwnerFile(deps, actor, 'mgmp_meeting', meeting.id, { fileName: `IMG_${stamp}_${String(k + 1).padStart(4, '0')}.jpg`, declaredType: 'image/jpeg', data }, CAPTIONS[k % CAPTIONS.length] ?? null);
    }
    return def.photos;
  });

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const [logos, photos] = await Promise.all([Promise.all(logoUploads).then(sum), Promise.all(photoUploads).then(sum)]);
  return { logos, photos };
}
