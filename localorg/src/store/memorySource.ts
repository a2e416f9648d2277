/**
 * An in-memory RecordSource: the reference semantics of the structured
 * queries (filters, ordering, paging, parent paths) that the store adapter must
 * match. Used by tests of the GraphQL endpoint and the UI API.
 */
import {
    SourceError,
    type Filter,
    type FindSpec,
    type ObjectInfo,
    type RecordSource,
    type RecordValues
} from './source';
import { valueMatches } from './filterMatch';

export class MemorySource implements RecordSource {
    private readonly tables = new Map<string, Map<string, RecordValues>>();
    private counter = 0;

    constructor(private readonly objects: ObjectInfo[]) {
        for (const o of objects) this.tables.set(o.name, new Map());
    }

    objectInfo(name: string): ObjectInfo | undefined {
        return this.objects.find((o) => o.name === name);
    }

    objectNames(): string[] {
        return this.objects.map((o) => o.name);
    }

    rows(object: string): RecordValues[] {
        return [...(this.tables.get(object)?.values() ?? [])];
    }

    private table(object: string): Map<string, RecordValues> {
        const t = this.tables.get(object);
        if (!t) throw new SourceError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
        return t;
    }

    private resolve(object: string, row: RecordValues, path: string): unknown {
        const parts = path.split('.');
        let info = this.objectInfo(object)!;
        let current: RecordValues | undefined = row;
        for (let i = 0; i < parts.length - 1; i++) {
            const ref = Object.values(info.fields).find((f) => f.relationshipName === parts[i]);
            const id: unknown = ref ? current?.[ref.name] : undefined;
            current = undefined;
            for (const target of ref?.referenceTo ?? []) {
                const found: RecordValues | undefined = this.tables.get(target)?.get(String(id));
                if (found) {
                    current = found;
                    info = this.objectInfo(target)!;
                    break;
                }
            }
            if (!current) return null;
        }
        return current?.[parts[parts.length - 1]] ?? null;
    }

    private matches(object: string, row: RecordValues, f: Filter): boolean {
        if ('and' in f) return f.and.every((x) => this.matches(object, row, x));
        if ('or' in f) return f.or.some((x) => this.matches(object, row, x));
        if ('not' in f) return !this.matches(object, row, f.not);
        const v = this.resolve(object, row, f.field);
        if ('select' in f) {
            const { records } = this.find(f.select.object, {
                fields: [f.select.field],
                where: f.select.where,
                limit: Number.MAX_SAFE_INTEGER,
                offset: 0
            });
            const found = records.some((r) => v !== null && r[f.select.field] === v);
            return f.op === 'inSelect' ? found : !found;
        }
        return valueMatches(f.op, v, f.value);
    }

    find(object: string, spec: FindSpec): { records: RecordValues[]; totalCount: number } {
        let rows = [...this.table(object).values()];
        if (spec.where) rows = rows.filter((r) => this.matches(object, r, spec.where!));
        const order = spec.orderBy ?? [];
        rows.sort((a, b) => {
            for (const o of order) {
                const x = this.resolve(object, a, o.field);
                const y = this.resolve(object, b, o.field);
                if (x === y) continue;
                const nullsFirst =
                    (o.nulls ?? (o.direction === 'ASC' ? 'FIRST' : 'LAST')) === 'FIRST';
                if (x === null) return nullsFirst ? -1 : 1;
                if (y === null) return nullsFirst ? 1 : -1;
                const c = x! < y! ? -1 : 1;
                return o.direction === 'ASC' ? c : -c;
            }
            return 0;
        });
        const page = rows.slice(spec.offset, spec.offset + spec.limit);
        return {
            records: page.map((r) => Object.fromEntries(spec.fields.map((f) => [f, r[f] ?? null]))),
            totalCount: rows.length
        };
    }

    /** Compound names (Lead, Contact, User): Name follows FirstName and LastName. */
    private withName(object: string, row: RecordValues): RecordValues {
        const name = this.objectInfo(object)?.fields.Name;
        if (!name || name.createable || !('LastName' in row)) return row;
        return { ...row, Name: [row.FirstName, row.LastName].filter((v) => v).join(' ') };
    }

    private check(object: string, values: RecordValues): void {
        const info = this.objectInfo(object)!;
        for (const [k, v] of Object.entries(values)) {
            const f = info.fields[k];
            if (!f)
                throw new SourceError(
                    'INVALID_FIELD',
                    `No such column '${k}' on entity '${object}'.`,
                    [k]
                );
            if (v === null && !f.nillable)
                throw new SourceError(
                    'REQUIRED_FIELD_MISSING',
                    `Required fields are missing: [${k}]`,
                    [k]
                );
            if (
                f.kind === 'picklist' &&
                v !== null &&
                f.restricted &&
                f.picklistValues &&
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

    create(object: string, values: RecordValues, actorId?: string): string {
        const info = this.objectInfo(object)!;
        this.check(object, values);
        for (const f of Object.values(info.fields)) {
            if (f.required && (values[f.name] === undefined || values[f.name] === null)) {
                throw new SourceError(
                    'REQUIRED_FIELD_MISSING',
                    `Required fields are missing: [${f.name}]`,
                    [f.name]
                );
            }
        }
        const id = `${info.keyPrefix ?? '001'}${String(++this.counter).padStart(12, '0')}AAA`;
        const now = new Date().toISOString();
        this.table(object).set(
            id,
            this.withName(object, {
                ...values,
                Id: id,
                // Audit fields can be set on insert (as with "Set Audit Fields upon Record Creation").
                CreatedDate: values.CreatedDate ?? now,
                LastModifiedDate: values.LastModifiedDate ?? now,
                SystemModstamp: now,
                CreatedById: values.CreatedById ?? actorId ?? null,
                LastModifiedById: actorId ?? null
            })
        );
        return id;
    }

    update(object: string, id: string, values: RecordValues, actorId?: string): void {
        const row = this.table(object).get(id);
        if (!row) throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted', []);
        this.check(object, values);
        const now = new Date().toISOString();
        this.table(object).set(
            id,
            this.withName(object, {
                ...row,
                ...values,
                LastModifiedDate: now,
                SystemModstamp: now,
                LastModifiedById: actorId ?? row.LastModifiedById ?? null
            })
        );
    }

    delete(object: string, id: string): void {
        if (!this.table(object).delete(id))
            throw new SourceError('ENTITY_IS_DELETED', 'entity is deleted', []);
    }

    transaction<T>(fn: () => T): T {
        const snapshot = new Map(
            [...this.tables].map(([k, t]) => [k, new Map([...t].map(([id, r]) => [id, { ...r }]))])
        );
        try {
            return fn();
        } catch (e) {
            for (const [k, t] of snapshot) this.tables.set(k, t);
            throw e;
        }
    }
}
