/**
 * The SQLite store's tables: one per object, one column per field (its SQL type from the
 * field's kind), and an index on the fields worth one. Names come from the object
 * descriptions, checked and quoted.
 */
import type { Database } from 'better-sqlite3';
import { q } from './sqliteQuery';
import type { FieldInfo, ObjectInfo } from './source';

const SQL_TYPE: Record<FieldInfo['kind'], string> = {
    id: 'TEXT',
    string: 'TEXT COLLATE NOCASE',
    textarea: 'TEXT',
    email: 'TEXT COLLATE NOCASE',
    phone: 'TEXT',
    url: 'TEXT',
    picklist: 'TEXT COLLATE NOCASE',
    multipicklist: 'TEXT',
    combobox: 'TEXT COLLATE NOCASE',
    boolean: 'INTEGER',
    int: 'INTEGER',
    double: 'REAL',
    currency: 'REAL',
    percent: 'REAL',
    date: 'TEXT',
    datetime: 'TEXT',
    reference: 'TEXT'
};

/** A column's SQL type; IsDeleted is never null, so `= 0` finds every live row. */
function sqlType(f: FieldInfo): string {
    return f.name === 'IsDeleted' ? 'INTEGER NOT NULL DEFAULT 0' : SQL_TYPE[f.kind];
}

/**
 * Makes an object's table match its description: created if new, a column added for each new
 * field (a deploy adds fields to a running org this way), the indexes. Answers whether a
 * column was added (prepared statements of the table are then stale).
 */
export function defineTable(db: Database, o: ObjectInfo): boolean {
    let added = false;
    const cols = Object.values(o.fields).map(
        (f) => `${q(f.name)} ${sqlType(f)}${f.name === 'Id' ? ' PRIMARY KEY' : ''}`
    );
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(o.name)} (${cols.join(', ')})`);
    // A field added to metadata is there on the next start.
    const existing = new Set(
        (db.prepare(`PRAGMA table_info(${q(o.name)})`).all() as { name: string }[]).map(
            (c) => c.name
        )
    );
    for (const f of Object.values(o.fields)) {
        if (!existing.has(f.name)) {
            // A checkbox added to a table with rows: they read false (or its default), not null.
            const fill =
                f.kind === 'boolean' && !f.nillable && f.name !== 'IsDeleted'
                    ? ` DEFAULT ${f.defaultValue === true ? 1 : 0}`
                    : '';
            db.exec(`ALTER TABLE ${q(o.name)} ADD COLUMN ${q(f.name)} ${sqlType(f)}${fill}`);
            added = true;
        }
        if (indexed(f)) {
            const unique = f.unique ? 'UNIQUE ' : '';
            db.exec(
                `CREATE ${unique}INDEX IF NOT EXISTS ${q(indexName(o, f))} ON ${q(o.name)} (${q(f.name)})`
            );
        }
    }
    dropUnwantedIndexes(db, o);
    return added;
}

const indexName = (o: ObjectInfo, f: FieldInfo) => `ix_${o.name}_${f.name}`;

const indexed = (f: FieldInfo) => f.unique || f.externalId || INDEXED.has(f.name);

/**
 * Drops the org's own indexes (`ix_…`) that no field wants any more, so a data directory made
 * by an earlier version pays for the same indexes as a new one: every index is a B-tree each
 * insert writes.
 */
function dropUnwantedIndexes(db: Database, o: ObjectInfo): void {
    const wanted = new Set(
        Object.values(o.fields)
            .filter(indexed)
            .map((f) => indexName(o, f))
    );
    const existing = db.prepare(`PRAGMA index_list(${q(o.name)})`).all() as { name: string }[];
    for (const { name } of existing)
        if (name.startsWith(`ix_${o.name}_`) && !wanted.has(name))
            db.exec(`DROP INDEX IF EXISTS ${q(name)}`);
}

/**
 * Fields worth an index in every table that has them: the platform's standard indexes among
 * the fields the org is queried by (owner, email, the lookups, CreatedDate, SystemModstamp, the
 * unique names). Status and LastModifiedDate are not among the platform's standard indexes,
 * and each of them cost an insert into the Lead table about a tenth of its time.
 */
const INDEXED = new Set([
    'OwnerId',
    'Email',
    'WhoId',
    'LeadId',
    'CampaignId',
    'AccountId',
    'CreatedDate',
    'SystemModstamp',
    'Username',
    'DeveloperName'
]);
