import type pg from 'pg';

/** What backup and restore need to know about one table of schema `public`. */
export interface TableInfo {
  name: string;
  /** Has a `tenant_id` column: tenant data (reference tables have none). */
  tenantOwned: boolean;
  /** Has an identity column: inserts need `OVERRIDING SYSTEM VALUE`. */
  hasIdentity: boolean;
  /** Columns a row may be inserted with (generated columns left out), in table order. */
  columns: string[];
  primaryKey: string[];
  /** Sequences owned by columns (serial/identity), to move past the restored values. */
  sequences: { column: string; sequence: string }[];
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (Kahn's
 * algorithm, ties by name so the order is stable). Self-references are ignored; tables in a cycle
 * come last, by name.
 */
export function orderByForeignKeys(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = names.filter((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p))).sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return [...ordered, ...names.filter((n) => !placed.has(n)).sort()];
}

/**
 * Reads the tables of schema `public` from the PostgreSQL catalogue, in foreign-key-safe order.
 * Works on any schema version, so a backup never needs to know the Drizzle declarations.
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ oid: number; name: string; tenant_owned: boolean; has_identity: boolean }>(
    `select c.oid::int as oid, c.relname as name,
            exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_owned,
            exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and a.attidentity <> '' and not a.attisdropped) as has_identity
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
  );
  const columns = await client.query<{ table_name: string; name: string; generated: boolean; sequence: string | null }>(
    `select c.relname as table_name, a.attname as name, a.attgenerated <> '' as generated,
            pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as sequence
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const keys = await client.query<{ table_name: string; name: string }>(
    `select c.relname as table_name, a.attname as name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join lateral unnest(i.indkey) with ordinality as k(attnum, pos) on true
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where c.relnamespace = 'public'::regnamespace and i.indisprimary
      order by c.relname, k.pos`,
  );
  const fks = await client.query<{ child: string; parent: string }>(
    `select c1.relname as child, c2.relname as parent
       from pg_constraint k
       join pg_class c1 on c1.oid = k.conrelid
       join pg_class c2 on c2.oid = k.confrelid
      where k.contype = 'f' and c1.relnamespace = 'public'::regnamespace`,
  );
  const byName = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    byName.set(t.name, { name: t.name, tenantOwned: t.tenant_owned, hasIdentity: t.has_identity, columns: [], primaryKey: [], sequences: [] });
  }
  for (const c of columns.rows) {
    const table = byName.get(c.table_name);
    if (!table) continue;
    if (!c.generated) table.columns.push(c.name);
    if (c.sequence) table.sequences.push({ column: c.name, sequence: c.sequence });
  }
  for (const k of keys.rows) byName.get(k.table_name)?.primaryKey.push(k.name);
  return orderByForeignKeys([...byName.keys()], fks.rows).flatMap((n) => byName.get(n) ?? []);
}

/** The hashes of the applied Drizzle migrations, oldest first (empty when none ran). */
export async function listAppliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query<{ found: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!exists.rows[0]?.found) return [];
  const rows = await client.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by created_at, id');
  return rows.rows.map((r) => r.hash);
}

/** Counts a table's rows. */
export async function countRows(client: pg.ClientBase, table: string): Promise<number> {
  const res = await client.query<{ n: string }>(`select count(*) as n from public.${quoteIdent(table)}`);
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * Inserts rows given as JSON object texts (exactly as `row_to_json` wrote them) with
 * `json_populate_recordset`, so PostgreSQL itself turns every value back into its column type.
 * `upsert` replaces rows with the same primary key (reference tables that migrations filled).
 */
export async function insertJsonRows(client: pg.ClientBase, table: TableInfo, columns: string[], rows: string[], upsert: boolean): Promise<void> {
  if (rows.length === 0) return;
  const cols = columns.map(quoteIdent).join(', ');
  const name = `public.${quoteIdent(table.name)}`;
  let conflict = '';
  if (upsert) {
    const updatable = columns.filter((c) => !table.primaryKey.includes(c));
    conflict =
      table.primaryKey.length === 0
        ? ' on conflict do nothing'
        : ` on conflict (${table.primaryKey.map(quoteIdent).join(', ')}) do ${
            updatable.length === 0 ? 'nothing' : `update set ${updatable.map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`).join(', ')}`
          }`;
  }
  await client.query(
    `insert into ${name} (${cols})${table.hasIdentity ? ' overriding system value' : ''}
     select ${cols} from json_populate_recordset(null::${name}, $1::json)${conflict}`,
    [`[${rows.join(',')}]`],
  );
}

/** Moves every serial/identity sequence of the table past its largest restored value. */
export async function resetSequences(client: pg.ClientBase, table: TableInfo): Promise<void> {
  for (const { column, sequence } of table.sequences) {
    await client.query(
      `select setval($1::regclass, coalesce((select max(${quoteIdent(column)}) from public.${quoteIdent(table.name)}), 1),
                     (select max(${quoteIdent(column)}) from public.${quoteIdent(table.name)}) is not null)`,
      [sequence],
    );
  }
}
