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
        if (f.unique || f.externalId || INDEXED.has(f.name)) {
            const unique = f.unique ? 'UNIQUE ' : '';
            db.exec(
                `CREATE ${unique}INDEX IF NOT EXISTS ${q(`ix_${o.name}_${f.name}`)} ON ${q(o.name)} (${q(f.name)})`
            );
        }
    }
    return added;
}

/** Fields worth an index in every table that has them. */
const INDEXED = new Set([
    'OwnerId',
    'Status',
    'Email',
    'WhoId',
    'LeadId',
    'CampaignId',
    'AccountId',
    'CreatedDate',
    'SystemModstamp',
    'LastModifiedDate',
    'Username',
    'DeveloperName'
]);
