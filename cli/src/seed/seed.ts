/**
 * Loads a data set (see ./types) into an org, idempotently: records that
 * already exist (by LL_Source_Id__c, Username, queue DeveloperName or the
 * natural key of activities and campaign members) are found first and never
 * written again; missing ones are created (upserted on LL_Source_Id__c where
 * the object has it). sObject Collections below the bulk threshold, Bulk API
 * 2.0 at or above it. Per-record failures are collected, never thrown.
 */
import type { Connection } from 'jsforce';
import { SOURCE_ID_FIELD } from '../../../core/src/index';
import {
    Api,
    cond,
    messageOf,
    soql,
    StopError,
    type RecordFailure,
    type SObjectRecord
} from '../api/index';
import { scoreOrg, type ScoreRunResult } from '../score';
import type { DemoData, SeedRecord, SeedStep } from './types';

export interface SeedOptions {
    /** Bulk API 2.0 from this many records per object (default 2,000). */
    bulkThreshold?: number;
    /** Read and plan only: report what would be created. */
    dryRun?: boolean;
    onProgress?: (p: { object: string; done: number; total: number }) => void;
    /** Share a client (call counting, budget, retries) with the caller. */
    api?: Api;
    maxApiCalls?: number;
    onRetry?: (what: string) => void;
    /** Score the leads afterwards (full rescore with the active model; default true). */
    score?: boolean;
    /** The scoring clock (default now). */
    now?: Date;
}

export interface SeedObjectResult {
    object: string;
    total: number;
    existing: number;
    created: number;
    failed: number;
}

export interface SeedResult {
    dryRun: boolean;
    objects: SeedObjectResult[];
    failures: RecordFailure[];
    warnings: string[];
    apiCalls: number;
    /** The rescore after loading (null when not scored). */
    scored: ScoreRunResult | null;
}

const ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** Canonical text of a field value for natural-key comparison. */
function keyPart(v: unknown): string {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') {
        if (/^\d{4}-\d\d-\d\dT/.test(v)) {
            const t = Date.parse(v.replace(/(\+|-)(\d\d)(\d\d)$/, '$1$2:$3'));
            if (!Number.isNaN(t)) return new Date(t).toISOString();
        }
        if (ID.test(v) && v.length === 18) return v.slice(0, 15);
        if (ID.test(v)) return v;
    }
    return String(v);
}

function naturalKey(fields: string[], record: SObjectRecord): string {
    return fields.map((f) => keyPart(record[f])).join('|');
}

async function existingRecords(api: Api, step: SeedStep): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const m = step.match;
    if (m.kind === 'sourceId') {
        const rows = await api.query(
            soql({
                select: ['Id', SOURCE_ID_FIELD],
                from: step.object,
                where: [cond(SOURCE_ID_FIELD, '!=', null)]
            })
        );
        for (const r of rows) found.set(String(r[SOURCE_ID_FIELD]), String(r.Id));
    } else if (m.kind === 'field') {
        const where = Object.entries(m.where ?? {}).map(([f, v]) => cond(f, '=', v));
        const rows = await api.query(soql({ select: ['Id', m.field], from: step.object, where }));
        for (const r of rows) found.set(String(r[m.field]), String(r.Id));
    } else if (m.kind === 'natural') {
        const where = m.fields.includes('WhoId') ? [cond('WhoId', '!=', null)] : [];
        const rows = await api.query(
            soql({ select: ['Id', ...m.fields], from: step.object, where })
        );
        // The n-th record with the same natural key matches the n-th in the data set, so
        // activities match whatever day the data set was generated for.
        const seen = new Map<string, number>();
        for (const r of rows) {
            const k = naturalKey(m.fields, r);
            const n = (seen.get(k) ?? 0) + 1;
            seen.set(k, n);
            found.set(`${k}#${n}`, String(r.Id));
        }
    } else {
        const rows = await api.query(soql({ select: ['Id'], from: step.object, limit: 1 }));
        if (rows.length) found.set('*', String(rows[0].Id));
    }
    return found;
}

/** The key under which an existing record of this step would be found. */
function matchKey(
    step: SeedStep,
    record: SeedRecord,
    resolved: SObjectRecord,
    occurrences: Map<string, number>
): string {
    const m = step.match;
    if (m.kind === 'sourceId') return String(record.fields[SOURCE_ID_FIELD] ?? record.key);
    if (m.kind === 'field') return String(record.fields[m.field]);
    if (m.kind === 'natural') {
        const k = naturalKey(m.fields, resolved);
        const n = (occurrences.get(k) ?? 0) + 1;
        occurrences.set(k, n);
        return `${k}#${n}`;
    }
    return '*';
}

export async function seedOrg(
    conn: Connection,
    data: DemoData,
    opts: SeedOptions = {}
): Promise<SeedResult> {
    const api = opts.api ?? new Api(conn, { maxApiCalls: opts.maxApiCalls, onRetry: opts.onRetry });
    const callsBefore = api.calls;
    const bulkThreshold = opts.bulkThreshold ?? 2000;
    const dryRun = opts.dryRun ?? false;
    const ids = new Map<string, string>();
    const result: SeedResult = {
        dryRun,
        objects: [],
        failures: [],
        warnings: [],
        apiCalls: 0,
        scored: null
    };

    for (const step of data.steps) {
        let describe;
        try {
            describe = await api.describe(step.object);
        } catch (e) {
            if (e instanceof StopError) throw e;
            result.warnings.push(
                `${step.object} is not in the target org; skipped (${messageOf(e)}).`
            );
            for (const r of step.records) {
                result.failures.push({
                    object: step.object,
                    sourceId: r.key,
                    id: null,
                    errorCode: 'NOT_FOUND',
                    message: `${step.object} is not in the target org.`
                });
            }
            continue;
        }
        const createable = new Set(describe.fields.filter((f) => f.createable).map((f) => f.name));
        const dropped = new Set<string>();
        const existing = await existingRecords(api, step);
        const outcome: SeedObjectResult = {
            object: step.object,
            total: step.records.length,
            existing: 0,
            created: 0,
            failed: 0
        };
        const occurrences = new Map<string, number>();
        let remaining = step.records;
        let done = 0;
        // Waves: records whose references are all known (e.g. the manager before the reps).
        while (remaining.length) {
            const ready: { record: SeedRecord; values: SObjectRecord }[] = [];
            const later: SeedRecord[] = [];
            for (const record of remaining) {
                const values: SObjectRecord = {};
                let unresolved: string | null = null;
                for (const [field, target] of Object.entries(record.refs ?? {})) {
                    const id = ids.get(target);
                    if (id) values[field] = id;
                    else if (dryRun) values[field] = `(new ${target})`;
                    else unresolved = target;
                }
                if (unresolved && step.records.some((r) => r.key === unresolved)) {
                    later.push(record);
                    continue;
                }
                if (unresolved) {
                    result.failures.push({
                        object: step.object,
                        sourceId: record.key,
                        id: null,
                        errorCode: 'UNRESOLVED_REFERENCE',
                        message: `Refers to ${unresolved}, which was not seeded.`
                    });
                    outcome.failed += 1;
                    continue;
                }
                const found = existing.get(
                    matchKey(step, record, { ...record.fields, ...values }, occurrences)
                );
                if (found) {
                    ids.set(record.key, found);
                    outcome.existing += 1;
                    continue;
                }
                for (const [k, v] of Object.entries(record.fields)) {
                    if (v === null || v === undefined || v === '') continue;
                    if (createable.has(k)) values[k] = v;
                    else dropped.add(k);
                }
                ready.push({ record, values });
            }
            if (ready.length === 0 && later.length === remaining.length) {
                for (const record of later) {
                    result.failures.push({
                        object: step.object,
                        sourceId: record.key,
                        id: null,
                        errorCode: 'UNRESOLVED_REFERENCE',
                        message: 'Circular or missing reference within the data set.'
                    });
                    outcome.failed += 1;
                }
                break;
            }
            remaining = later;
            if (dryRun) {
                for (const { record } of ready) ids.set(record.key, `(new ${record.key})`);
                outcome.created += ready.length;
                continue;
            }
            const useUpsert = step.match.kind === 'sourceId' && createable.has(SOURCE_ID_FIELD);
            const written = await api.write(
                step.object,
                ready.map((r) => r.values),
                useUpsert ? 'upsert' : 'create',
                {
                    bulkThreshold,
                    externalIdField: useUpsert ? SOURCE_ID_FIELD : undefined,
                    onProgress: (n) =>
                        opts.onProgress?.({
                            object: step.object,
                            done: outcome.existing + done + n,
                            total: step.records.length
                        })
                }
            );
            done += ready.length;
            ready.forEach(({ record }, i) => {
                const id = written.ids.get(i);
                if (id) {
                    ids.set(record.key, id);
                    outcome.created += 1;
                }
            });
            for (const f of written.failures) {
                result.failures.push({
                    object: step.object,
                    sourceId: ready[f.index].record.key,
                    id: null,
                    errorCode: f.errorCode,
                    message: f.message
                });
                outcome.failed += 1;
            }
        }
        if (dropped.size) {
            result.warnings.push(
                `${step.object}: the target org has no createable ${[...dropped].sort().join(', ')}; not set.`
            );
        }
        opts.onProgress?.({
            object: step.object,
            done: step.records.length,
            total: step.records.length
        });
        result.objects.push(outcome);
    }
    if (!dryRun && (opts.score ?? true)) {
        result.scored = await scoreOrg(api, {
            full: true,
            now: opts.now,
            bulkThreshold,
            onProgress: (p) =>
                opts.onProgress?.({ object: 'Lead (scoring)', done: p.done, total: p.total })
        });
        for (const f of result.scored.failures) result.failures.push(f);
    }
    result.apiCalls = api.calls - callsBefore;
    return result;
}
