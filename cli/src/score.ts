/**
 * Rescoring an org: reads leads and what they did (tasks, events, campaign
 * members), scores them with the active model (core), and writes only the
 * leads whose stored score fields would change, and only those fields.
 * Incremental since a watermark (SystemModstamp of leads and their activities)
 * or full. Reads page with queryMore below the bulk threshold and use Bulk API
 * 2.0 queries above it; writes likewise use Collections or Bulk 2.0.
 */
import {
    activeScoringModel,
    activityFromRecord,
    campaignMemberFromRecord,
    defaultModelRecord,
    groupScoringInputs,
    leadApiNames,
    leadFromRecord,
    leadToRecord,
    parseScoringModelRecord,
    SCORING_ACTIVITY_FIELDS,
    SCORING_LEAD_KEYS,
    SCORING_MODEL,
    scoreFieldChanges,
    scoreLead,
    type Activity,
    type CampaignMember,
    type Lead
} from '../../core/src/index';
import {
    Api,
    csvRowBytes,
    MAX_INGEST_CSV_BYTES,
    type RecordFailure,
    type SObjectRecord
} from './api';

export interface ScoreOptions {
    /** Rescore every open lead (default: only those changed since `since`). */
    full?: boolean;
    /** Watermark of the previous run (ISO); null/undefined → full. */
    since?: string | null;
    /** The scoring clock (default now). */
    now?: Date;
    /** Bulk API 2.0 for reads and writes from this many records (default 2,000). */
    bulkThreshold?: number;
    dryRun?: boolean;
    /** Resume: skip leads with an Id up to this one (they were done before the stop). */
    resumeAfterId?: string | null;
    /** Leads per compute/write batch; a checkpoint is reported after each (default 2,000; with Bulk, as many as fit one ingest job). */
    batchSize?: number;
    onCheckpoint?: (lastId: string) => void;
    /** The watermark this run stores (default: when it started; a resumed run keeps the first start). */
    watermarkAt?: string;
    onProgress?: (p: { done: number; total: number }) => void;
}

export interface ScoreRunResult {
    mode: 'full' | 'incremental';
    since: string | null;
    /** The watermark to store for the next incremental run. */
    watermark: string;
    modelVersion: number;
    modelInserted: boolean;
    leadsRead: number;
    leadsChanged: number;
    written: number;
    failures: RecordFailure[];
    dryRun: boolean;
    transport: 'collections' | 'bulk';
}

const LEAD_SELECT = leadApiNames(SCORING_LEAD_KEYS).join(', ');
const SAFE_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** A SOQL datetime literal (no milliseconds, floored: conservative for `>`). */
export function soqlDateTime(iso: string): string {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new Error(`Not a date-time: ${iso}`);
    return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function idList(ids: readonly string[]): string {
    return ids
        .map((id) => {
            if (!SAFE_ID.test(id)) throw new Error(`Not a record id: ${id}`);
            return `'${id}'`;
        })
        .join(', ');
}

/**
 * Bulk 2.0 CSV rows in the REST shape: empty text is null and `A.B` columns become nested
 * objects. Numbers and booleans stay text here; `leadFromRecord` and the activity readers
 * in core type them (so no describe call is needed).
 */
function fromCsv(records: SObjectRecord[]): SObjectRecord[] {
    return records.map((r) => {
        const out: SObjectRecord = {};
        for (const [k, raw] of Object.entries(r)) {
            const v = raw === '' ? null : raw;
            if (k.includes('.')) {
                const [parent, field] = k.split('.');
                out[parent] = { ...((out[parent] as SObjectRecord) ?? {}), [field]: v };
            } else {
                out[k] = v;
            }
        }
        return out;
    });
}

export async function scoreOrg(api: Api, opts: ScoreOptions = {}): Promise<ScoreRunResult> {
    const now = opts.now ?? new Date();
    const startedAt = opts.watermarkAt ?? new Date().toISOString();
    const bulkThreshold = opts.bulkThreshold ?? 2000;
    const requestedBatch = opts.batchSize;
    const dryRun = opts.dryRun ?? false;

    // The model: the Active version; the default one is inserted into an org that has none.
    const mf = SCORING_MODEL.fields;
    const modelRows = await api.query(
        `SELECT ${Object.values(mf).join(', ')} FROM ${SCORING_MODEL.objectApiName}`
    );
    let modelInserted = false;
    if (modelRows.length === 0 && !dryRun) {
        const record = defaultModelRecord(now);
        const res = await api.write(SCORING_MODEL.objectApiName, [record], 'create', {
            bulkThreshold: Infinity
        });
        if (res.failures.length) {
            throw new Error(
                `Could not insert the default scoring model: ${res.failures[0].message}`
            );
        }
        modelRows.push({ ...record, Id: res.ids.get(0) });
        modelInserted = true;
    }
    const active = activeScoringModel(modelRows.map((r) => parseScoringModelRecord(r)));
    const version = modelRows.length === 0 ? 1 : active.version;

    const full = opts.full || !opts.since;
    const since = full ? null : soqlDateTime(opts.since!);

    // How many leads: decides the read transport.
    const countWhere = full
        ? 'IsConverted = false'
        : `IsConverted = false AND SystemModstamp > ${since}`;
    const countRes = await api.request<{ totalSize: number }>(
        'GET',
        `/query?q=${encodeURIComponent(`SELECT COUNT() FROM Lead WHERE ${countWhere}`)}`
    );
    const useBulk = countRes.totalSize >= bulkThreshold;
    const read = async (soql: string): Promise<SObjectRecord[]> =>
        useBulk ? fromCsv(await api.bulkQuery(soql)) : api.query(soql);

    let leadRecords: SObjectRecord[];
    let taskRecords: SObjectRecord[];
    let eventRecords: SObjectRecord[];
    let memberRecords: SObjectRecord[];
    const taskSelect = SCORING_ACTIVITY_FIELDS.Task.join(', ');
    const eventSelect = SCORING_ACTIVITY_FIELDS.Event.join(', ');
    const memberSelect = SCORING_ACTIVITY_FIELDS.CampaignMember.join(', ');
    if (full) {
        // The four reads are independent: run them at once (same calls, less wall time).
        [leadRecords, taskRecords, eventRecords, memberRecords] = await Promise.all([
            read(`SELECT ${LEAD_SELECT} FROM Lead WHERE IsConverted = false`),
            read(`SELECT ${taskSelect} FROM Task WHERE WhoId != null`),
            read(`SELECT ${eventSelect} FROM Event WHERE WhoId != null`),
            read(`SELECT ${memberSelect} FROM CampaignMember WHERE LeadId != null`)
        ]);
    } else {
        leadRecords = await read(
            `SELECT ${LEAD_SELECT} FROM Lead WHERE IsConverted = false AND SystemModstamp > ${since}`
        );
        // Leads whose activities or campaign memberships changed.
        const touched = new Set<string>();
        for (const [object, field] of [
            ['Task', 'WhoId'],
            ['Event', 'WhoId'],
            ['CampaignMember', 'LeadId']
        ] as const) {
            const rows = await api.query(
                `SELECT ${field} FROM ${object} WHERE ${field} != null AND SystemModstamp > ${since}`
            );
            for (const r of rows) {
                const id = String(r[field]);
                if (id.startsWith('00Q')) touched.add(id);
            }
        }
        const have = new Set(leadRecords.map((r) => String(r.Id).slice(0, 15)));
        const more = [...touched].filter((id) => !have.has(id.slice(0, 15)));
        for (let i = 0; i < more.length; i += 200) {
            leadRecords.push(
                ...(await api.query(
                    `SELECT ${LEAD_SELECT} FROM Lead WHERE IsConverted = false AND Id IN (${idList(more.slice(i, i + 200))})`
                ))
            );
        }
        const ids = leadRecords.map((r) => String(r.Id));
        taskRecords = [];
        eventRecords = [];
        memberRecords = [];
        if (ids.length >= bulkThreshold) {
            // Many leads changed: reading all activities in bulk costs fewer calls than by Id.
            const wanted = new Set(ids.map((id) => id.slice(0, 15)));
            const mine = (field: string) => (r: SObjectRecord) =>
                wanted.has(String(r[field] ?? '').slice(0, 15));
            taskRecords = (await read(`SELECT ${taskSelect} FROM Task WHERE WhoId != null`)).filter(
                mine('WhoId')
            );
            eventRecords = (
                await read(`SELECT ${eventSelect} FROM Event WHERE WhoId != null`)
            ).filter(mine('WhoId'));
            memberRecords = (
                await read(`SELECT ${memberSelect} FROM CampaignMember WHERE LeadId != null`)
            ).filter(mine('LeadId'));
        }
        for (let i = 0; i < ids.length && ids.length < bulkThreshold; i += 200) {
            const list = idList(ids.slice(i, i + 200));
            taskRecords.push(
                ...(await api.query(`SELECT ${taskSelect} FROM Task WHERE WhoId IN (${list})`))
            );
            eventRecords.push(
                ...(await api.query(`SELECT ${eventSelect} FROM Event WHERE WhoId IN (${list})`))
            );
            memberRecords.push(
                ...(await api.query(
                    `SELECT ${memberSelect} FROM CampaignMember WHERE LeadId IN (${list})`
                ))
            );
        }
    }

    // By Id (the resume order), each lead once even if a read returned it twice.
    const byId = new Map<string, Lead>();
    for (const r of leadRecords) {
        const lead = leadFromRecord(r);
        if (lead.id) byId.set(lead.id, lead);
    }
    const leads = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const activities: Activity[] = [
        ...taskRecords.map((r) => activityFromRecord(r, 'Task')),
        ...eventRecords.map((r) => activityFromRecord(r, 'Event'))
    ];
    const members: (CampaignMember & { campaignName: string | null })[] = memberRecords.map((r) =>
        campaignMemberFromRecord(r)
    );
    const campaignNames: Record<string, string> = {};
    for (const m of members) if (m.campaignName) campaignNames[m.campaignId] = m.campaignName;
    const inputs = groupScoringInputs(leads, activities, members, campaignNames);

    const result: ScoreRunResult = {
        mode: full ? 'full' : 'incremental',
        since: opts.since ?? null,
        watermark: startedAt,
        modelVersion: version,
        modelInserted,
        leadsRead: leads.length,
        leadsChanged: 0,
        written: 0,
        failures: [],
        dryRun,
        transport: useBulk ? 'bulk' : 'collections'
    };
    // Collections: a write and a checkpoint every 2,000 leads. Bulk: as few ingest jobs as
    // the job size limit allows (a scored lead is about 1 KB of CSV), a checkpoint after each.
    const resumeAfter = opts.resumeAfterId ?? null;
    const leadsPerBatch = requestedBatch ?? (useBulk ? Infinity : 2000);
    type Batch = { changes: SObjectRecord[]; lastId: string; leads: number; bytes: number };
    const batches: Batch[] = [];
    let current: Batch = { changes: [], lastId: '', leads: 0, bytes: 0 };
    const nextBatch = () => {
        batches.push(current);
        current = { changes: [], lastId: '', leads: 0, bytes: 0 };
    };
    for (const input of inputs) {
        if (current.leads >= leadsPerBatch) nextBatch();
        const lead = input.lead;
        const change =
            resumeAfter && lead.id <= resumeAfter
                ? null
                : scoreFieldChanges(lead, scoreLead(input, active.model, now), version, now);
        if (change) {
            const record = leadToRecord(change);
            const bytes = useBulk ? csvRowBytes(record) : 0;
            if (current.changes.length && current.bytes + bytes > MAX_INGEST_CSV_BYTES) {
                nextBatch();
            }
            current.changes.push(record);
            current.bytes += bytes;
        }
        current.leads += 1;
        current.lastId = lead.id;
    }
    if (current.leads) batches.push(current);
    let done = 0;
    for (const { changes, lastId, leads: count } of batches) {
        result.leadsChanged += changes.length;
        if (!dryRun && changes.length) {
            const out = await api.write('Lead', changes, 'update', {
                bulkThreshold,
                onProgress: (n) => opts.onProgress?.({ done: done + n, total: inputs.length })
            });
            result.written += out.created + out.updated;
            for (const f of out.failures) {
                result.failures.push({
                    object: 'Lead',
                    sourceId: null,
                    id: String(changes[f.index].Id),
                    errorCode: f.errorCode,
                    message: f.message
                });
            }
        }
        done += count;
        opts.onProgress?.({ done, total: inputs.length });
        if (lastId) opts.onCheckpoint?.(lastId);
    }
    return result;
}
