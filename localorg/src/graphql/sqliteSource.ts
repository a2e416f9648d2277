/**
 * A RecordSource on SQLite (better-sqlite3): one table per object, one column
 * per field. SQL is built only from identifiers that come from the object
 * descriptions (checked against a strict pattern and quoted); every value is a
 * bound parameter. Parent paths in filters and ordering ('Owner.Name') become
 * correlated subqueries. The reference for adapting the local org's store.
 */
import type { Database } from 'better-sqlite3';
import {
    SourceError,
    type FieldInfo,
    type Filter,
    type FindSpec,
    type ObjectInfo,
    type RecordSource,
    type RecordValues
} from './source';

const IDENT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

function q(name: string): string {
    if (!IDENT.test(name))
        throw new SourceError('INVALID_FIELD', `Invalid name: ${name.slice(0, 80)}`);
    return `"${name}"`;
}

const SQL_TYPE: Record<FieldInfo['kind'], string> = {
    id: 'TEXT',
    string: 'TEXT',
    textarea: 'TEXT',
    email: 'TEXT',
    phone: 'TEXT',
    url: 'TEXT',
    picklist: 'TEXT',
    multipicklist: 'TEXT',
    boolean: 'INTEGER',
    int: 'INTEGER',
    double: 'REAL',
    currency: 'REAL',
    percent: 'REAL',
    date: 'TEXT',
    datetime: 'TEXT',
    reference: 'TEXT'
};

export class SqliteSource implements RecordSource {
    private readonly infos = new Map<string, ObjectInfo>();
    private counter: number;

    constructor(
        private readonly db: Database,
        objects: ObjectInfo[]
    ) {
        for (const o of objects) {
            this.infos.set(o.name, o);
            const cols = Object.values(o.fields).map(
                (f) => `${q(f.name)} ${SQL_TYPE[f.kind]}${f.name === 'Id' ? ' PRIMARY KEY' : ''}`
            );
            db.exec(`CREATE TABLE IF NOT EXISTS ${q(o.name)} (${cols.join(', ')})`);
        }
        db.exec('CREATE TABLE IF NOT EXISTS "_ll_sequence" ("n" INTEGER NOT NULL)');
        const row = db.prepare('SELECT "n" FROM "_ll_sequence"').get() as { n: number } | undefined;
        if (!row) db.prepare('INSERT INTO "_ll_sequence" ("n") VALUES (0)').run();
        this.counter = row?.n ?? 0;
    }

    objectInfo(name: string): ObjectInfo | undefined {
        return this.infos.get(name);
    }

    objectNames(): string[] {
        return [...this.infos.keys()];
    }

    private info(object: string): ObjectInfo {
        const info = this.infos.get(object);
        if (!info)
            throw new SourceError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
        return info;
    }

    /** SQL for a field path relative to the row alias, with its field description. */
    private expr(
        info: ObjectInfo,
        alias: string,
        path: string,
        depth = 0
    ): { sql: string; field: FieldInfo } {
        const [head, ...rest] = path.split('.');
        if (!rest.length) {
            const field = info.fields[head];
            if (!field)
                throw new SourceError(
                    'INVALID_FIELD',
                    `No such column '${head}' on entity '${info.name}'.`
                );
            return { sql: `${alias}.${q(head)}`, field };
        }
        const ref = Object.values(info.fields).find(
            (f) => f.kind === 'reference' && f.relationshipName === head
        );
        if (!ref || depth > 4)
            throw new SourceError(
                'INVALID_FIELD',
                `No such relationship '${head}' on entity '${info.name}'.`
            );
        const parts: string[] = [];
        let field: FieldInfo | undefined;
        const sub = `p${depth}`;
        for (const target of ref.referenceTo ?? []) {
            const pInfo = this.infos.get(target);
            if (!pInfo) continue;
            try {
                const inner = this.expr(pInfo, sub, rest.join('.'), depth + 1);
                field ??= inner.field;
                parts.push(
                    `(SELECT ${inner.sql} FROM ${q(target)} ${sub} WHERE ${sub}."Id" = ${alias}.${q(ref.name)})`
                );
            } catch (e) {
                if (!(e instanceof SourceError)) throw e;
            }
        }
        if (!field)
            throw new SourceError(
                'INVALID_FIELD',
                `No such column '${rest.join('.')}' through '${head}' on entity '${info.name}'.`
            );
        return { sql: parts.length === 1 ? parts[0] : `COALESCE(${parts.join(', ')})`, field };
    }

    private toDb(field: FieldInfo, value: unknown): unknown {
        if (value === null || value === undefined) return null;
        if (field.kind === 'boolean') return value === true || value === 'true' ? 1 : 0;
        if (typeof value === 'boolean') return value ? 1 : 0;
        return value;
    }

    private where(info: ObjectInfo, f: Filter, params: unknown[]): string {
        if ('and' in f)
            return f.and.length
                ? `(${f.and.map((x) => this.where(info, x, params)).join(' AND ')})`
                : '1';
        if ('or' in f)
            return f.or.length
                ? `(${f.or.map((x) => this.where(info, x, params)).join(' OR ')})`
                : '0';
        if ('not' in f) return `(NOT COALESCE(${this.where(info, f.not, params)}, 0))`;
        const { sql, field } = this.expr(info, 't', f.field);
        const v = f.value;
        const list = () => (v as unknown[]).map((x) => this.toDb(field, x));
        switch (f.op) {
            case 'eq':
                if (v === null) return `${sql} IS NULL`;
                params.push(this.toDb(field, v));
                return `${sql} = ?`;
            case 'ne':
                if (v === null) return `${sql} IS NOT NULL`;
                params.push(this.toDb(field, v));
                return `(${sql} IS NULL OR ${sql} <> ?)`;
            case 'gt':
            case 'gte':
            case 'lt':
            case 'lte': {
                params.push(this.toDb(field, v));
                const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
                return `${sql} ${op} ?`;
            }
            case 'in':
            case 'nin': {
                const values = list();
                if (!values.length) return f.op === 'in' ? '0' : '1';
                params.push(...values);
                const marks = values.map(() => '?').join(', ');
                return f.op === 'in'
                    ? `${sql} IN (${marks})`
                    : `(${sql} IS NULL OR ${sql} NOT IN (${marks}))`;
            }
            case 'like':
                params.push(v);
                return `${sql} LIKE ?`;
            case 'includes':
            case 'excludes': {
                const any = list().map((x) => {
                    params.push(x);
                    return `(';' || COALESCE(${sql}, '') || ';') LIKE ('%;' || ? || ';%')`;
                });
                const test = any.length ? `(${any.join(' OR ')})` : '0';
                return f.op === 'includes' ? test : `(NOT ${test})`;
            }
        }
    }

    private fromDb(info: ObjectInfo, row: Record<string, unknown>): RecordValues {
        const out: RecordValues = {};
        for (const [k, v] of Object.entries(row)) {
            out[k] = info.fields[k]?.kind === 'boolean' && v !== null ? v === 1 : v;
        }
        return out;
    }

    find(object: string, spec: FindSpec): { records: RecordValues[]; totalCount: number } {
        const info = this.info(object);
        const params: unknown[] = [];
        const where = spec.where ? ` WHERE ${this.where(info, spec.where, params)}` : '';
        const cols = spec.fields.map((f) => this.expr(info, 't', f).sql + ` AS ${q(f)}`);
        const order = (spec.orderBy ?? []).map((o) => {
            const dir = o.direction === 'DESC' ? 'DESC' : 'ASC';
            const nulls =
                (o.nulls ?? (dir === 'ASC' ? 'FIRST' : 'LAST')) === 'FIRST'
                    ? 'NULLS FIRST'
                    : 'NULLS LAST';
            return `${this.expr(info, 't', o.field).sql} ${dir} ${nulls}`;
        });
        order.push('t."Id" ASC');
        const limit = Math.max(0, Math.min(Number(spec.limit) | 0, 100_000));
        const offset = Math.max(0, Number(spec.offset) | 0);
        const rows = this.db
            .prepare(
                `SELECT ${cols.join(', ')} FROM ${q(object)} t${where} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`
            )
            .all(...params, limit, offset) as Record<string, unknown>[];
        const total = this.db
            .prepare(`SELECT COUNT(*) AS n FROM ${q(object)} t${where}`)
            .get(...params) as { n: number };
        return { records: rows.map((r) => this.fromDb(info, r)), totalCount: total.n };
    }

    private check(info: ObjectInfo, values: RecordValues): void {
        for (const [k, v] of Object.entries(values)) {
            const f = info.fields[k];
            if (!f)
                throw new SourceError(
                    'INVALID_FIELD',
                    `No such column '${k}' on entity '${info.name}'.`,
                    [k]
                );
            if (v === null && !f.nillable)
                throw new SourceError(
                    'REQUIRED_FIELD_MISSING',
                    `Required fields are missing: [${k}]`,
                    [k]
                );
            if (v !== null && typeof v === 'object')
                throw new SourceError('INVALID_FIELD', `${k}: expected a single value.`, [k]);
            if (
                f.kind === 'picklist' &&
                v !== null &&
                f.picklistValues?.length &&
                !f.picklistValues.some((p) => p.value === v)
            ) {
                throw new SourceError(
                    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                    `${f.label}: bad value for restricted picklist field: ${String(v)}`,
                    [k]
                );
            }
        }
    }

    private named(info: ObjectInfo, row: RecordValues): RecordValues {
        const name = info.fields.Name;
        if (!name || name.createable || !info.fields.LastName) return row;
        return { ...row, Name: [row.FirstName, row.LastName].filter((v) => v).join(' ') };
    }

    create(object: string, values: RecordValues, actorId?: string): string {
        const info = this.info(object);
        this.check(info, values);
        for (const f of Object.values(info.fields)) {
            if (f.required && (values[f.name] === undefined || values[f.name] === null)) {
                throw new SourceError(
                    'REQUIRED_FIELD_MISSING',
                    `Required fields are missing: [${f.name}]`,
                    [f.name]
                );
            }
        }
        this.counter += 1;
        this.db.prepare('UPDATE "_ll_sequence" SET "n" = ?').run(this.counter);
        const id = `${info.keyPrefix ?? '001'}${String(this.counter).padStart(12, '0')}AAA`;
        const now = new Date().toISOString();
        const row = this.named(info, {
            ...values,
            Id: id,
            CreatedDate: values.CreatedDate ?? now,
            LastModifiedDate: values.LastModifiedDate ?? now,
            SystemModstamp: now,
            CreatedById: values.CreatedById ?? actorId ?? null,
            LastModifiedById: actorId ?? null
        });
        const entries = Object.entries(row).filter(([k]) => info.fields[k]);
        this.db
            .prepare(
                `INSERT INTO ${q(object)} (${entries.map(([k]) => q(k)).join(', ')}) VALUES (${entries.map(() => '?').join(', ')})`
            )
            .run(...entries.map(([k, v]) => this.toDb(info.fields[k], v)));
        return id;
    }

    update(object: string, id: string, values: RecordValues, actorId?: string): void {
        const info = this.info(object);
        this.check(info, values);
        const current = this.db.prepare(`SELECT * FROM ${q(object)} WHERE "Id" = ?`).get(id) as
            Record<string, unknown> | undefined;
        if (!current) throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted');
        const now = new Date().toISOString();
        const row = this.named(info, {
            ...this.fromDb(info, current),
            ...values,
            LastModifiedDate: now,
            SystemModstamp: now,
            LastModifiedById: actorId ?? current.LastModifiedById ?? null
        });
        const entries = Object.entries(row).filter(([k]) => k !== 'Id' && info.fields[k]);
        this.db
            .prepare(
                `UPDATE ${q(object)} SET ${entries.map(([k]) => `${q(k)} = ?`).join(', ')} WHERE "Id" = ?`
            )
            .run(...entries.map(([k, v]) => this.toDb(info.fields[k], v)), id);
    }

    delete(object: string, id: string): void {
        this.info(object);
        const res = this.db.prepare(`DELETE FROM ${q(object)} WHERE "Id" = ?`).run(id);
        if (res.changes === 0) throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted');
    }

    transaction<T>(fn: () => T): T {
        const counter = this.counter;
        try {
            return this.db.transaction(fn)();
        } catch (e) {
            this.counter = counter;
            throw e;
        }
    }
}
