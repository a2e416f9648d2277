/**
 * Rescoring an org: reads leads and what they did (tasks, events, campaign
 * members), scores them with the active model (core), and writes only the
 * leads whose stored score fields would change, and only those fields.
 * Incremental since a watermark (SystemModstamp of leads and their activities)
 * or full. The API layer picks the transport (REST or Bulk API 2.0) by size.
 * The same pass marks nurtured leads ready to return to sales (LL_Ready_To_Return__c:
 * Hot again, or past their nurture date), writing the mark only when it changes.
 */
import {
    activeScoringModel,
    defaultModelRecord,
    leadFromRecord,
    leadToRecord,
    parseScoringModelRecord,
    readyToReturnChange,
    rescoreChange,
    SCORING_MODEL,
    SCORING_READS,
    scoreLead,
    scoringInputsFromRecords,
    LEAD_FIELDS,
    type Lead
} from '../../core/src/index';
import { readHandbackContext } from './handback';
import {
    Api,
    cond,
    csvRowBytes,
    MAX_INGEST_CSV_BYTES,
    soql,
    type RecordFailure,
    type SObjectRecord,
    type SoqlCondition,
    type Transport
} from './api/index';

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
    /** Leads whose ready-to-return mark was set or cleared (counted in leadsChanged too). */
    readyToReturnChanged: number;
    written: number;
    failures: RecordFailure[];
    dryRun: boolean;
    transport: Transport;
}

// Every field list comes from the core's SCORING_READS (one definition with the components).
const LEAD_SELECT = SCORING_READS.Lead;
const OPEN = cond('IsConverted', '=', false);
/** What each activity object is read with, and the field that points at the lead. */
const ACTIVITY_READS = [
    { from: 'Task', select: SCORING_READS.Task, leadField: 'WhoId' },
    { from: 'Event', select: SCORING_READS.Event, leadField: 'WhoId' },
    { from: 'CampaignMember', select: SCORING_READS.CampaignMember, leadField: 'LeadId' }
] as const;

export async function scoreOrg(api: Api, opts: ScoreOptions = {}): Promise<ScoreRunResult> {
    const now = opts.now ?? new Date();
    const startedAt = opts.watermarkAt ?? new Date().toISOString();
    const bulkThreshold = opts.bulkThreshold ?? 2000;
    const requestedBatch = opts.batchSize;
    const dryRun = opts.dryRun ?? false;

    // The model: the Active version; the default one is inserted into an org that has none.
    const modelRows = await api.query(
        soql({
            select: SCORING_READS[SCORING_MODEL.objectApiName],
            from: SCORING_MODEL.objectApiName
        })
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

    const handback = await readHandbackContext(api);
    const readiness = (lead: Lead) =>
        readyToReturnChange(lead, handback.settings, now, handback.nurtureQueueId);

    const full = opts.full || !opts.since;
    const read = await readScoringRecords(api, {
        since: full ? null : new Date(opts.since!),
        bulkThreshold
    });
    const useBulk = read.transport === 'bulk';

    // By Id (the resume order), each lead once even if a read returned it twice.
    const byId = new Map<string, SObjectRecord>();
    for (const r of read.Lead) if (r.Id) byId.set(String(r.Id), r);
    const Lead = [...byId.keys()].sort().map((id) => byId.get(id)!);
    const inputs = scoringInputsFromRecords({ ...read, Lead });

    const result: ScoreRunResult = {
        mode: full ? 'full' : 'incremental',
        since: opts.since ?? null,
        watermark: startedAt,
        modelVersion: version,
        modelInserted,
        leadsRead: Lead.length,
        leadsChanged: 0,
        readyToReturnChanged: 0,
        written: 0,
        failures: [],
        dryRun,
        transport: read.transport
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
        let change: Partial<Lead> | null = null;
        if (!(resumeAfter && lead.id <= resumeAfter)) {
            const scored = scoreLead(input, active.model, now);
            const out = rescoreChange(lead, scored, version, now, handback);
            if (out.readyChanged) result.readyToReturnChanged += 1;
            change = out.change;
        }
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
            result.failures.push(...leadFailures(changes, out.failures));
        }
        done += count;
        opts.onProgress?.({ done, total: inputs.length });
        if (lastId) opts.onCheckpoint?.(lastId);
    }
    if (!full)
        await markPassedNurtureDates(api, result, new Set(byId.keys()), readiness, {
            nurturingStatus: handback.settings.nurturingStatus,
            bulkThreshold,
            dryRun
        });
    return result;
}

/**
 * An incremental run reads only leads that changed, but a nurture date passes without any
 * change: also mark the nurtured leads whose date has passed and that are not marked yet
 * (the date is compared here: the SOQL builder binds no date literals).
 */
async function markPassedNurtureDates(
    api: Api,
    result: ScoreRunResult,
    seen: Set<string>,
    readiness: (lead: Lead) => { id: string; readyToReturn: string | null } | null,
    opts: { nurturingStatus: string; bulkThreshold: number; dryRun: boolean }
): Promise<void> {
    const rows = await api.query(
        soql({
            select: LEAD_SELECT,
            from: 'Lead',
            where: [
                OPEN,
                cond(LEAD_FIELDS.status, '=', opts.nurturingStatus),
                cond(LEAD_FIELDS.readyToReturn, '=', null)
            ]
        })
    );
    const changes = rows
        .filter((r) => !seen.has(String(r.Id)))
        .map((r) => readiness(leadFromRecord(r)))
        .filter((c) => c !== null)
        .map((c) => leadToRecord(c));
    result.leadsChanged += changes.length;
    result.readyToReturnChanged += changes.length;
    if (opts.dryRun || !changes.length) return;
    const out = await api.write('Lead', changes, 'update', { bulkThreshold: opts.bulkThreshold });
    result.written += out.updated;
    result.failures.push(...leadFailures(changes, out.failures));
}

/** The per-record failures of a Lead write, by the written records' Ids. */
function leadFailures(
    changes: readonly SObjectRecord[],
    failures: readonly { index: number; errorCode: string; message: string }[]
): RecordFailure[] {
    return failures.map((f) => ({
        object: 'Lead',
        sourceId: null,
        id: String(changes[f.index].Id),
        errorCode: f.errorCode,
        message: f.message
    }));
}

type ScoringRecords = Record<'Lead' | (typeof ACTIVITY_READS)[number]['from'], SObjectRecord[]> & {
    transport: Transport;
};

/**
 * The open leads to score (all, or changed since `since` by their own SystemModstamp or
 * their activities') and all their activities. The API layer picks the read transport by
 * the number of leads; incremental runs with few leads read activities by lead Id.
 */
async function readScoringRecords(
    api: Api,
    opts: { since: Date | null; bulkThreshold: number }
): Promise<ScoringRecords> {
    const { since, bulkThreshold } = opts;
    const changed = since ? [cond('SystemModstamp', '>', since)] : [];
    const leadCount = await api.count(
        soql({ select: ['COUNT()'], from: 'Lead', where: [OPEN, ...changed] })
    );
    const { transport, read } = api.reader(leadCount, bulkThreshold);
    const readLeads = (where: SoqlCondition[]) =>
        read(soql({ select: LEAD_SELECT, from: 'Lead', where: [OPEN, ...where] }));
    const readAll = (a: (typeof ACTIVITY_READS)[number]) =>
        read(soql({ select: a.select, from: a.from, where: [cond(a.leadField, '!=', null)] }));
    if (!since) {
        // The four reads are independent: run them at once (same calls, less wall time).
        const [Lead, Task, Event, CampaignMember] = await Promise.all([
            readLeads([]),
            ...ACTIVITY_READS.map(readAll)
        ]);
        return { transport, Lead, Task, Event, CampaignMember };
    }
    const Lead = await readLeads(changed);
    // Leads whose activities or campaign memberships changed.
    const touched = new Set<string>();
    for (const a of ACTIVITY_READS) {
        const rows = await api.query(
            soql({
                select: [a.leadField],
                from: a.from,
                where: [cond(a.leadField, '!=', null), ...changed]
            })
        );
        for (const r of rows) {
            const id = String(r[a.leadField]);
            if (id.startsWith('00Q')) touched.add(id);
        }
    }
    const have = new Set(Lead.map((r) => String(r.Id).slice(0, 15)));
    const more = [...touched].filter((id) => !have.has(id.slice(0, 15)));
    for (let i = 0; i < more.length; i += 200) {
        Lead.push(
            ...(await api.query(
                soql({
                    select: LEAD_SELECT,
                    from: 'Lead',
                    where: [OPEN, cond('Id', 'IN', more.slice(i, i + 200))]
                })
            ))
        );
    }
    const ids = Lead.map((r) => String(r.Id));
    const out: ScoringRecords = { transport, Lead, Task: [], Event: [], CampaignMember: [] };
    if (ids.length >= bulkThreshold) {
        // Many leads changed: reading all activities in bulk costs fewer calls than by Id.
        const wanted = new Set(ids.map((id) => id.slice(0, 15)));
        for (const a of ACTIVITY_READS) {
            const rows = await readAll(a);
            out[a.from] = rows.filter((r) => wanted.has(String(r[a.leadField] ?? '').slice(0, 15)));
        }
        return out;
    }
    for (let i = 0; i < ids.length; i += 200) {
        const batch = ids.slice(i, i + 200);
        for (const a of ACTIVITY_READS) {
            out[a.from].push(
                ...(await api.query(
                    soql({
                        select: a.select,
                        from: a.from,
                        where: [cond(a.leadField, 'IN', batch)]
                    })
                ))
            );
        }
    }
    return out;
}
