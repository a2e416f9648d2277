/**
 * Composite tree (`POST /composite/tree/{Object}`): record trees of one root
 * object, each parent with its children under their relationship names
 * (`"Contacts": { "records": [...] }`), created in one transaction — what
 * `sf data import tree` sends. As on the platform: at most 200 records in
 * all, 5 levels, every record names its type and a unique `referenceId`;
 * children get their parent's id in the relationship's field; any failure
 * rolls everything back and answers 400 with `hasErrors` and each failed
 * record's errors by referenceId.
 */
import { ApiError, isRecordError, recordError } from '../http/errors';
import { API, type Router } from '../http/router';
import type { ObjectInfo, RecordValues } from '../store/source';
import type { OrgContext } from './context';
import { objectNamed } from './records';

const MAX_RECORDS = 200;
const MAX_DEPTH = 5;

interface TreeRecord {
    type: string;
    referenceId: string;
    values: RecordValues;
    children: { field: string; records: TreeRecord[] }[];
}

type TreeResult =
    | { referenceId: string; id: string }
    | { referenceId: string; errors: ReturnType<typeof recordError>[] };

function invalid(message: string): ApiError {
    return new ApiError(400, 'INVALID_INPUT', message);
}

function recordsOf(body: unknown, where: string): unknown[] {
    const records = (body as { records?: unknown } | null)?.records;
    if (!body || typeof body !== 'object' || !Array.isArray(records))
        throw invalid(`${where}: expected { "records": [ ... ] }.`);
    return records;
}

/** Reads and checks the whole tree before anything is written. */
class TreeReader {
    count = 0;
    readonly referenceIds = new Set<string>();

    constructor(private readonly ctx: OrgContext) {}

    read(raw: unknown, info: ObjectInfo, depth: number): TreeRecord {
        if (depth > MAX_DEPTH) throw invalid(`A tree can be at most ${MAX_DEPTH} levels deep.`);
        if (++this.count > MAX_RECORDS)
            throw invalid(`A request can hold at most ${MAX_RECORDS} records.`);
        if (!raw || typeof raw !== 'object' || Array.isArray(raw))
            throw invalid('Every record must be a JSON object.');
        const { attributes, ...rest } = raw as RecordValues;
        const attrs = (attributes ?? {}) as { type?: unknown; referenceId?: unknown };
        const referenceId = typeof attrs.referenceId === 'string' ? attrs.referenceId : '';
        if (!/^[A-Za-z0-9_]{1,80}$/.test(referenceId))
            throw invalid(
                `Every record needs attributes.referenceId (letters, digits, underscore): ${String(attrs.referenceId ?? '').slice(0, 80)}`
            );
        if (this.referenceIds.has(referenceId))
            throw invalid(`Duplicate ReferenceId provided in the request: ${referenceId}`);
        this.referenceIds.add(referenceId);
        if (typeof attrs.type !== 'string' || attrs.type.toLowerCase() !== info.name.toLowerCase())
            throw invalid(
                `Record ${referenceId}: attributes.type must be ${info.name}, not ${String(attrs.type ?? 'missing')}.`
            );
        const values: RecordValues = {};
        const children: TreeRecord['children'] = [];
        for (const [key, value] of Object.entries(rest)) {
            const rel = info.childRelationships.find(
                (c) => c.relationshipName.toLowerCase() === key.toLowerCase()
            );
            if (!rel || !value || typeof value !== 'object' || Array.isArray(value)) {
                values[key] = value;
                continue;
            }
            const child = objectNamed(this.ctx, rel.childObject);
            children.push({
                field: rel.field,
                records: recordsOf(value, `${referenceId}.${key}`).map((c) =>
                    this.read(c, child, depth + 1)
                )
            });
        }
        return { type: info.name, referenceId, values, children };
    }
}

export function register(router: Router, ctx: OrgContext): void {
    router.post(`${API}/composite/tree/:object`, async (r) => {
        const info = objectNamed(ctx, r.params.object);
        const reader = new TreeReader(ctx);
        const roots = recordsOf(await r.json(), 'The request body').map((raw) =>
            reader.read(raw, info, 1)
        );
        const results: TreeResult[] = [];
        let failed = false;
        // Level by level, parents before children, as the platform lists its results.
        const rollback = new Error('rollback');
        try {
            ctx.store.transaction(() => {
                let level: { record: TreeRecord; parent?: { field: string; id: string } }[] =
                    roots.map((record) => ({ record }));
                while (level.length) {
                    const next: typeof level = [];
                    for (const { record, parent } of level) {
                        const values = parent
                            ? { ...record.values, [parent.field]: parent.id }
                            : record.values;
                        try {
                            const id = ctx.store.transaction(() => {
                                ctx.faults.maybeLock(record.type, values);
                                return ctx.store.create(record.type, values);
                            });
                            results.push({ referenceId: record.referenceId, id });
                            for (const c of record.children)
                                for (const child of c.records)
                                    next.push({ record: child, parent: { field: c.field, id } });
                        } catch (e) {
                            if (!isRecordError(e)) throw e;
                            failed = true;
                            results.push({
                                referenceId: record.referenceId,
                                errors: [recordError(e)]
                            });
                        }
                    }
                    level = next;
                }
                if (failed) throw rollback;
            });
        } catch (e) {
            if (e !== rollback) throw e;
            r.send(400, {
                hasErrors: true,
                results: results.filter((x) => 'errors' in x)
            });
            return;
        }
        r.send(201, { hasErrors: false, results });
    });
}
