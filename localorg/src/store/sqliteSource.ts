/**
 * A RecordSource on SQLite (better-sqlite3): one table per object, one column
 * per field. SQL is built only from identifiers that come from the object
 * descriptions (checked against a strict pattern and quoted); every value is a
 * bound parameter (the SQL itself is built in sqliteQuery.ts, the tables in
 * sqliteTables.ts). The reference for adapting the local org's store.
 */
import type { Database, Statement } from 'better-sqlite3';
import { isoNow } from './clock';
import { checkValues } from './fieldRules';
import { newId, normalizeId } from './ids';
import {
    live,
    q,
    SqlBuilder,
    toDb,
    type AggregateSpec,
    type Joins,
    type JsonColumn
} from './sqliteQuery';
import { defineTable } from './sqliteTables';
import { convertLeadRow, type LeadConversion } from './leadConversion';
import {
    SourceError,
    type FindSpec,
    type ObjectInfo,
    type RecordSource,
    type RecordValues
} from './source';

/** Called around writes so the local org can emulate platform automation. */
export interface WriteHooks {
    /** After validation, before a create or update is written: may set system fields (e.g. the status-changed stamp). */
    beforeWrite?(object: string, values: RecordValues, current: RecordValues | null): void;
    /**
     * Per object: after a create, update or delete of one of its records, inside the same
     * transaction (a write of an object without one is a single statement).
     */
    afterWrite?: Record<string, (after: RecordValues | null, before: RecordValues | null) => void>;
}

/** What a create fills in on every record of an object, worked out once per object. */
interface CreatePlan {
    defaults: [string, unknown][];
    booleans: string[];
    required: string[];
}

/** Prepared statements kept at most (queries with IN lists of many lengths make many texts). */
const MAX_STATEMENTS = 500;

export class SqliteSource implements RecordSource {
    private readonly infos = new Map<string, ObjectInfo>();
    private readonly sql = new SqlBuilder(this.infos, (object) =>
        this.db.prepare(`PRAGMA table_info(${q(object)})`).all()
    );
    private readonly byPrefix = new Map<string, string>();
    private readonly statements = new Map<string, Statement>();
    /** The last write's SQL, columns and statement (see writeStatement). */
    private lastWrite?: { sql: string; columns: string[]; statement: Statement };
    /** By object description: a changed description (a new ObjectInfo) gets a new plan. */
    private readonly createPlans = new WeakMap<ObjectInfo, CreatePlan>();
    /** One transaction function for every call: nested calls become savepoints. */
    private readonly runInTransaction: (fn: () => unknown) => unknown;
    /** How deep in `transaction()` calls the store is (0: outside any). */
    private depth = 0;
    private counter: number;
    hooks: WriteHooks = {};
    /** The user writes are attributed to when the caller names none (the API user). */
    defaultActorId?: string;

    constructor(
        private readonly db: Database,
        objects: ObjectInfo[]
    ) {
        for (const o of objects) this.define(o);
        db.exec('CREATE TABLE IF NOT EXISTS "_ll_sequence" ("n" INTEGER NOT NULL)');
        const row = db.prepare('SELECT "n" FROM "_ll_sequence"').get() as { n: number } | undefined;
        if (!row) db.prepare('INSERT INTO "_ll_sequence" ("n") VALUES (0)').run();
        this.counter = row?.n ?? 0;
        this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    }

    /**
     * Adds or replaces an object's description and makes its table match: created if new,
     * a column added for each new field (a deploy adds fields to a running org this way).
     */
    define(o: ObjectInfo): void {
        this.infos.set(o.name, o);
        if (o.keyPrefix) this.byPrefix.set(o.keyPrefix, o.name);
        if (defineTable(this.db, o)) {
            this.statements.clear();
            this.lastWrite = undefined;
        }
    }

    /** Whether SQLite writes a field's JSON as findRows's value is written (SqlBuilder). */
    writesJson(info: ObjectInfo, name: string): boolean {
        return this.sql.writesJson(info, name);
    }

    /** A cached prepared statement: SQL text here is built from checked identifiers only. */
    private stmt(sql: string): Statement {
        let s = this.statements.get(sql);
        if (!s) {
            s = this.db.prepare(sql);
            if (this.statements.size >= MAX_STATEMENTS)
                this.statements.delete(this.statements.keys().next().value!);
            this.statements.set(sql, s);
        }
        return s;
    }

    private createPlan(info: ObjectInfo): CreatePlan {
        let plan = this.createPlans.get(info);
        if (!plan) {
            const fields = Object.values(info.fields);
            plan = {
                defaults: fields
                    .filter((f) => f.defaultValue !== undefined)
                    .map((f) => [f.name, f.defaultValue]),
                booleans: fields.filter((f) => f.kind === 'boolean').map((f) => f.name),
                required: fields.filter((f) => f.required).map((f) => f.name)
            };
            this.createPlans.set(info, plan);
        }
        return plan;
    }

    objectInfo(name: string): ObjectInfo | undefined {
        return this.infos.get(name);
    }

    objectNames(): string[] {
        return [...this.infos.keys()];
    }

    /** The object a record id belongs to, from its key prefix. */
    objectOfId(id: string): string | undefined {
        return this.byPrefix.get(id.slice(0, 3));
    }

    private info(object: string): ObjectInfo {
        return this.sql.info(object);
    }

    /** One record by id (all fields), or null (also when it is in the recycle bin). */
    get(object: string, id: string): RecordValues | null {
        const info = this.info(object);
        const norm = normalizeId(id);
        if (!norm) return null;
        const row = this.stmt(`SELECT * FROM ${q(object)} t WHERE "Id" = ?${live(info)}`).get(
            norm
        ) as Record<string, unknown> | undefined;
        return row ? this.fromDb(info, row) : null;
    }

    /** Runs an aggregate: GROUP BY fields and functions over a filter (values bound). */
    aggregate(object: string, spec: AggregateSpec): RecordValues[] {
        const params: unknown[] = [];
        const { sql, groups } = this.sql.aggregate(this.info(object), spec, params);
        const rows = this.stmt(sql).all(...params) as Record<string, unknown>[];
        return rows.map((r) => {
            const out: RecordValues = {};
            spec.groupBy.forEach((g, i) => {
                const f = groups[i].field;
                const v = r[`g${i}`];
                out[spec.groupKeys?.[i] ?? g.split('.').pop()!] =
                    f.kind === 'boolean' && v !== null ? v === 1 : v;
            });
            spec.functions.forEach((f, i) => (out[f.alias] = r[`f${i}`]));
            return out;
        });
    }

    private fromDb(info: ObjectInfo, row: Record<string, unknown>): RecordValues {
        const out: RecordValues = {};
        for (const [k, v] of Object.entries(row)) {
            out[k] = info.fields[k]?.kind === 'boolean' && v !== null ? v === 1 : v;
        }
        return out;
    }

    find(object: string, spec: FindSpec): { records: RecordValues[]; totalCount: number } {
        const { rows, totalCount } = this.findRows(object, spec);
        const records = rows.map((r) => {
            const out: RecordValues = {};
            for (let i = 0; i < spec.fields.length; i++) out[spec.fields[i]] = r[i];
            return out;
        });
        return { records, totalCount };
    }

    /**
     * find() with each row as an array of its values in the order of `spec.fields` (checkboxes
     * as booleans): one object less per row for a reader that knows the order (SOQL's). Then
     * the text of each of `json`'s columns, as SQLite writes it (null where it could not).
     */
    findRows(
        object: string,
        spec: FindSpec,
        json: JsonColumn[] = []
    ): { rows: unknown[][]; totalCount: number } {
        const info = this.info(object);
        const params: unknown[] = [];
        const where = this.sql.whereClause(info, spec, params);
        const joins: Joins = new Map();
        const exprs = spec.fields.map((f) => this.sql.expr(info, 't', f, 0, joins));
        const joined = [...joins.values()].map((j) => ` ${j.sql}`).join('');
        const cols = [
            ...exprs.map((e, i) => `${e.sql} AS "c${i}"`),
            ...json.map((parts, i) => `${this.sql.jsonColumn(info, 't', parts)} AS "j${i}"`)
        ];
        const order = (spec.orderBy ?? []).map((o) => {
            const dir = o.direction === 'DESC' ? 'DESC' : 'ASC';
            const nulls =
                (o.nulls ?? (dir === 'ASC' ? 'FIRST' : 'LAST')) === 'FIRST'
                    ? 'NULLS FIRST'
                    : 'NULLS LAST';
            return `${this.sql.expr(info, 't', o.field).sql} ${dir} ${nulls}`;
        });
        order.push('t."Id" ASC');
        const limit = Math.max(0, Math.min(Number(spec.limit) || 0, 50_000_000));
        // Never through `| 0`: an offset of 2^32 would wrap to the first rows.
        const offset = Math.max(0, Math.trunc(Number(spec.offset) || 0));
        // Rows as arrays (raw): one object less per row than SQLite's named columns.
        const rows = this.stmt(
            `SELECT ${cols.join(', ')} FROM ${q(object)} t${joined}${where} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`
        )
            .raw(true)
            .all(...params, limit, offset) as unknown[][];
        // Fewer rows than the limit after a reached offset: they are all there is, no count needed.
        const counted = rows.length > 0 && rows.length < limit;
        const total = counted
            ? { n: offset + rows.length }
            : (this.stmt(`SELECT COUNT(*) AS n FROM ${q(object)} t${where}`).get(...params) as {
                  n: number;
              });
        const booleans = exprs.flatMap((e, i) => (e.field.kind === 'boolean' ? [i] : []));
        if (booleans.length)
            for (const r of rows)
                for (const i of booleans)
                    if (r[i] !== null && r[i] !== undefined) r[i] = r[i] === 1;
        return { rows, totalCount: total.n };
    }

    exists(object: string, id: string): boolean {
        const info = this.infos.get(object);
        const alive = info ? live(info) : '';
        return (
            this.stmt(`SELECT 1 FROM ${q(object)} t WHERE "Id" = ?${alive}`).get(id) !== undefined
        );
    }

    /** A person's Name (Lead, Contact, User) follows FirstName and LastName; answers whether set. */
    private setName(info: ObjectInfo, row: RecordValues): boolean {
        const name = info.fields.Name;
        if (!name || name.createable || !info.fields.LastName) return false;
        row.Name = [row.FirstName, row.LastName].filter((v) => v).join(' ');
        return true;
    }

    /** The statement for this SQL with these columns, built once per column list. */
    private writeStatement(sql: string, columns: string[]): Statement {
        // A run of writes (a Bulk job's rows) sets the same columns: no key to build for them.
        const last = this.lastWrite;
        if (
            last?.sql === sql &&
            last.columns.length === columns.length &&
            last.columns.every((c, i) => c === columns[i])
        )
            return last.statement;
        const key = `${sql}\u0000${columns.join(',')}`;
        let s = this.statements.get(key);
        if (!s) {
            s = this.stmt(
                sql
                    .replace('%COLS%', columns.map((k) => q(k)).join(', '))
                    .replace('%MARKS%', columns.map(() => '?').join(', '))
                    .replace('%SETS%', columns.map((k) => `${q(k)} = ?`).join(', '))
            );
            this.statements.set(key, s);
        }
        this.lastWrite = { sql, columns, statement: s };
        return s;
    }

    private write(info: ObjectInfo, sql: string, row: RecordValues, extra: unknown[] = []): void {
        const columns: string[] = [];
        const values: unknown[] = [];
        for (const k in row) {
            const field = info.fields[k];
            if (!field) continue;
            columns.push(k);
            values.push(toDb(field, row[k]));
        }
        for (const v of extra) values.push(v);
        try {
            // Spread, not the array itself: better-sqlite3 binds an array's items more slowly
            // (about 0.5 µs a row of 23 values).
            this.writeStatement(sql, columns).run(...values);
        } catch (e) {
            const m = /UNIQUE constraint failed: \w+\.(\w+)/.exec((e as Error).message);
            if (m) {
                throw new SourceError(
                    'DUPLICATE_VALUE',
                    `duplicate value found: ${m[1]} duplicates value on record with id: ${this.duplicateOf(info, m[1], row[m[1]])}`,
                    [m[1]]
                );
            }
            throw e;
        }
    }

    private duplicateOf(info: ObjectInfo, field: string, value: unknown): string {
        const row = this.stmt(`SELECT "Id" FROM ${q(info.name)} WHERE ${q(field)} = ?`).get(
            value
        ) as { Id: string } | undefined;
        return row?.Id ?? 'unknown';
    }

    create(object: string, values: RecordValues, actor?: string): string {
        const actorId = actor ?? this.defaultActorId;
        const info = this.info(object);
        const input: RecordValues = {};
        for (const k in values) if (k !== 'Id' && k !== 'id') input[k] = values[k];
        // The record as written: the checked values (a new object), completed in place.
        const row = checkValues(info, input, true, this);
        this.hooks.beforeWrite?.(object, row, null);
        const plan = this.createPlan(info);
        for (const [name, value] of plan.defaults) if (row[name] === undefined) row[name] = value;
        for (const name of plan.booleans) if (row[name] === undefined) row[name] = false;
        for (const name of plan.required) {
            if (row[name] === undefined || row[name] === null) {
                throw new SourceError(
                    'REQUIRED_FIELD_MISSING',
                    `Required fields are missing: [${name}]`,
                    [name]
                );
            }
        }
        const id = newId(info.keyPrefix ?? '001', this.nextSequence());
        const now = isoNow();
        const created = (row.CreatedDate as string | undefined) ?? now;
        row.Id = id;
        row.CreatedDate = created;
        row.LastModifiedDate = row.LastModifiedDate ?? created;
        row.SystemModstamp = now;
        row.CreatedById = row.CreatedById ?? actorId ?? null;
        row.LastModifiedById = row.LastModifiedById ?? actorId ?? null;
        if (info.fields.OwnerId && !row.OwnerId && actorId) row.OwnerId = actorId;
        this.setName(info, row);
        this.atomically(object, () => {
            this.write(info, `INSERT INTO ${q(object)} (%COLS%) VALUES (%MARKS%)`, row);
            this.hooks.afterWrite?.[object]?.(row, null);
        });
        return id;
    }

    update(object: string, id: string, values: RecordValues, actor?: string): void {
        const actorId = actor ?? this.defaultActorId;
        const info = this.info(object);
        const norm = recordId(id);
        const currentRow = this.stmt(
            `SELECT * FROM ${q(object)} t WHERE "Id" = ?${live(info)}`
        ).get(norm) as Record<string, unknown> | undefined;
        if (!currentRow) throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted');
        const current = this.fromDb(info, currentRow);
        const input: RecordValues = {};
        for (const k in values) if (k !== 'Id' && k !== 'id') input[k] = values[k];
        const checked = checkValues(info, input, false, this);
        this.hooks.beforeWrite?.(object, checked, current);
        const now = isoNow();
        const row: RecordValues = {
            ...current,
            ...checked,
            LastModifiedDate: now,
            SystemModstamp: now,
            LastModifiedById: actorId ?? current.LastModifiedById ?? null
        };
        const named = this.setName(info, row);
        // Only what changes is set: an unchanged indexed column costs its index an update too.
        const sets: RecordValues = {};
        for (const k in checked) if (k !== 'Id') sets[k] = row[k];
        for (const k of ['LastModifiedDate', 'SystemModstamp', 'LastModifiedById'])
            if (info.fields[k]) sets[k] = row[k];
        if (named) sets.Name = row.Name;
        this.atomically(object, () => {
            this.write(info, `UPDATE ${q(object)} SET %SETS% WHERE "Id" = ?`, sets, [norm]);
            this.hooks.afterWrite?.[object]?.(row, current);
        });
    }

    delete(object: string, id: string): void {
        const info = this.info(object);
        const norm = recordId(id);
        const current = this.get(object, norm);
        if (!current) throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted');
        this.runInTransaction(() => this.deleteWithChildren(info, norm, current));
    }

    private deleteWithChildren(info: ObjectInfo, norm: string, current: RecordValues): void {
        // Cascading children (and master-detail ones) go with it; lookups are cleared.
        for (const rel of info.childRelationships) {
            const child = this.infos.get(rel.childObject);
            const field = child?.fields[rel.field];
            if (!child || !field) continue;
            if (rel.cascadeDelete || (field.required && !field.updateable)) {
                const ids = this.stmt(
                    `SELECT "Id" FROM ${q(child.name)} t WHERE ${q(field.name)} = ?${live(child)}`
                ).all(norm) as { Id: string }[];
                for (const c of ids) if (c.Id !== norm) this.delete(child.name, c.Id);
            } else {
                this.stmt(
                    `UPDATE ${q(child.name)} SET ${q(field.name)} = NULL WHERE ${q(field.name)} = ?`
                ).run(norm);
            }
        }
        // Objects with IsDeleted keep the row in the recycle bin (queryAll reads it).
        if (info.fields.IsDeleted) {
            this.stmt(
                `UPDATE ${q(info.name)} SET "IsDeleted" = 1, "SystemModstamp" = ? WHERE "Id" = ?`
            ).run(isoNow(), norm);
        } else {
            this.stmt(`DELETE FROM ${q(info.name)} WHERE "Id" = ?`).run(norm);
        }
        this.hooks.afterWrite?.[info.name]?.(null, current);
    }

    /**
     * Runs a record's write so that it happens whole or not at all: a single statement is so
     * by itself (SQLite undoes a statement that fails); with automation after it, a savepoint
     * (a transaction of its own outside one). Every create, update and delete is thus atomic
     * without its callers' savepoints, which cost a copy of every page the write touches.
     */
    private atomically(object: string, write: () => void): void {
        if (this.hooks.afterWrite?.[object]) this.runInTransaction(write);
        else write();
    }

    /** The next id number; stored at once, or inside a transaction when that commits. */
    private nextSequence(): number {
        this.counter += 1;
        if (this.depth === 0) this.storeSequence();
        return this.counter;
    }

    private storeSequence(): void {
        this.stmt('UPDATE "_ll_sequence" SET "n" = ?').run(this.counter);
    }

    /** Lead conversion as the platform leaves the lead (leadConversion.ts). */
    convertLead(leadId: string, conversion: LeadConversion): void {
        convertLeadRow((sql) => this.stmt(sql), this.info('Lead'), leadId, conversion);
    }

    /** Takes a record out of the recycle bin (the platform's undelete). */
    undelete(object: string, id: string): void {
        const info = this.info(object);
        const norm = normalizeId(id);
        const row = norm
            ? (this.stmt(`SELECT "IsDeleted" FROM ${q(object)} WHERE "Id" = ?`).get(norm) as
                  { IsDeleted?: number } | undefined)
            : undefined;
        if (!info.fields.IsDeleted || !row || row.IsDeleted !== 1)
            throw new SourceError('UNDELETE_FAILED', 'Entity is not in the recycle bin');
        this.stmt(
            `UPDATE ${q(object)} SET "IsDeleted" = 0, "SystemModstamp" = ? WHERE "Id" = ?`
        ).run(isoNow(), norm);
        this.hooks.afterWrite?.[object]?.(this.get(object, norm!), null);
    }

    transaction<T>(fn: () => T): T {
        const counter = this.counter;
        const outermost = this.depth === 0;
        this.depth += 1;
        try {
            return this.runInTransaction(() => {
                const out = fn();
                // Once per transaction, not per record: it commits with the records.
                if (outermost && this.counter !== counter) this.storeSequence();
                return out;
            }) as T;
        } catch (e) {
            this.counter = counter;
            throw e;
        } finally {
            this.depth -= 1;
        }
    }
}

/** The 18-character form of a record id given to a write; MALFORMED_ID when it is not one. */
function recordId(id: string): string {
    const norm = normalizeId(id);
    if (!norm)
        throw new SourceError(
            'MALFORMED_ID',
            `Record id is malformed: ${String(id).slice(0, 40)}`,
            ['Id']
        );
    return norm;
}
