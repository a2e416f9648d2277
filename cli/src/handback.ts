/**
 * Handed-back leads from the CLI: which are in nurture and which are ready to go back to
 * sales (and why), and returning them with the core's `planReturn` — previewed by
 * default, applied in batches through the API layer with a result per lead. Pure
 * functions over an `Api`; the commands in `commands/leadloop/handback/` print them.
 */
import {
    nurtureQueueRow,
    leadFromRecord,
    LEAD_FIELDS,
    NURTURE_QUEUE_READS,
    planReturn,
    readyToReturn,
    stillUnchanged,
    type Id,
    type Lead,
    type LeadLoopSettings,
    type NurtureQueueRow,
    type ReturnOwner,
    type ReturnPlanItem
} from '../../core/src/index';
import { cond, soql, type Api, type RecordFailure, type SObjectRecord } from './api/index';
import { readSettings } from './audit';
import { currentLeads } from './fix';

/** The nurture queue page's lead read (one list in the core). */
const LEAD_SELECT = NURTURE_QUEUE_READS.Lead;

export interface HandbackContext {
    settings: LeadLoopSettings;
    nurtureQueueId: Id | null;
    returnQueueId: Id | null;
    queues: { id: Id; name: string; developerName: string }[];
}

/** The active settings (defaults without one) and the queues they name. */
export async function readHandbackContext(api: Api): Promise<HandbackContext> {
    const [{ settings }, groups] = await Promise.all([
        readSettings(api),
        api.query(
            soql({
                select: NURTURE_QUEUE_READS.Group,
                from: 'Group',
                where: [cond('Type', '=', 'Queue')]
            })
        )
    ]);
    const queues = groups.map((g) => ({
        id: String(g.Id),
        name: String(g.Name ?? g.DeveloperName),
        developerName: String(g.DeveloperName)
    }));
    const queueId = (name: string) => queues.find((q) => q.developerName === name)?.id ?? null;
    return {
        settings,
        queues,
        nurtureQueueId: queueId(settings.nurtureQueue),
        returnQueueId: settings.returnQueue ? queueId(settings.returnQueue) : null
    };
}

/**
 * Open leads in nurture (the nurturing status, or owned by the nurture queue), by Id.
 * Bulk API 2.0 from `bulkThreshold` leads, so any org size reads in a few calls.
 */
export async function readNurturedLeads(
    api: Api,
    ctx: HandbackContext,
    bulkThreshold: number
): Promise<Lead[]> {
    const open = cond(LEAD_FIELDS.isConverted, '=', false);
    // SOQL has no OR in the builder on purpose: two reads, merged by Id.
    const wheres = [[open, cond(LEAD_FIELDS.status, '=', ctx.settings.nurturingStatus)]];
    if (ctx.nurtureQueueId) wheres.push([open, cond(LEAD_FIELDS.ownerId, '=', ctx.nurtureQueueId)]);
    const byId = new Map<string, SObjectRecord>();
    for (const where of wheres) {
        const count = await api.count(soql({ select: ['COUNT()'], from: 'Lead', where }));
        const rows = await api
            .reader(count, bulkThreshold)
            .read(soql({ select: LEAD_SELECT, from: 'Lead', where }));
        for (const r of rows) byId.set(String(r.Id), r);
    }
    return [...byId.keys()].sort().map((id) => leadFromRecord(byId.get(id)!));
}

/** One line of `handback list`: the nurture queue page's row. */
export function nurturedLeadRow(lead: Lead, ctx: HandbackContext, now: Date): NurtureQueueRow {
    return nurtureQueueRow(lead, ctx.settings, now, ctx.nurtureQueueId);
}

/** Users (active or not, for the previous owner) and queues, as `planReturn` takes them. */
async function readOwners(api: Api, ctx: HandbackContext): Promise<ReturnOwner[]> {
    const users = await api.query(soql({ select: NURTURE_QUEUE_READS.User, from: 'User' }));
    const owners: ReturnOwner[] = users.map((u) => ({
        id: String(u.Id),
        name: String(u.Name),
        type: 'User',
        isActive: u.IsActive === true || u.IsActive === 'true'
    }));
    if (ctx.settings.roundRobinCap) {
        // The cap counts each rep's open leads.
        const open = new Map<string, number>();
        const rows = await api.query(
            soql({
                select: [LEAD_FIELDS.ownerId],
                from: 'Lead',
                where: [
                    cond(LEAD_FIELDS.isConverted, '=', false),
                    cond(LEAD_FIELDS.status, 'IN', [
                        ...ctx.settings.openStatuses,
                        ...ctx.settings.workingStatuses
                    ])
                ]
            })
        );
        for (const r of rows) open.set(String(r.OwnerId), (open.get(String(r.OwnerId)) ?? 0) + 1);
        for (const o of owners) o.openLeads = open.get(o.id) ?? 0;
    }
    for (const q of ctx.queues)
        owners.push({ id: q.id, name: q.name, type: 'Queue', isActive: true });
    return owners;
}

export interface ReturnOptions {
    apply: boolean;
    now?: Date;
    /** Only these leads (default: every lead ready to return). */
    ids?: string[];
    /** Leads per write (default 200, one sObject Collections call). */
    batchSize?: number;
    bulkThreshold: number;
    onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
}

/** One lead of a return: who gets it and why, and after `--apply` whether it was written. */
export interface ReturnRow {
    id: Id;
    name: string;
    to: string;
    via: string;
    explanation: string;
    result: 'preview' | 'returned' | 'failed' | 'refused' | 'skipped';
    message: string;
}

export interface ReturnRunResult {
    applied: boolean;
    considered: number;
    planned: number;
    returned: number;
    /** Leads changed by someone else since they were read: left alone, never overwritten. */
    skipped: number;
    rows: ReturnRow[];
    failures: RecordFailure[];
}

/**
 * Returns the ready leads (or `ids`) to sales. A lead already back with sales is not in
 * nurture, so it is not read again: re-running after a partial failure retries only
 * the leads that failed.
 */
export async function returnToSales(api: Api, opts: ReturnOptions): Promise<ReturnRunResult> {
    const now = opts.now ?? new Date();
    const ctx = await readHandbackContext(api);
    const nurtured = await readNurturedLeads(api, ctx, opts.bulkThreshold);
    const wanted = opts.ids ? new Set(opts.ids.map((id) => id.slice(0, 15))) : null;
    const leads = nurtured.filter((lead) =>
        wanted
            ? wanted.has(lead.id.slice(0, 15))
            : readyToReturn(lead, ctx.settings, now, ctx.nurtureQueueId).ready
    );
    const plan = planReturn(leads, await readOwners(api, ctx), ctx.settings, {
        now,
        nurtureQueueId: ctx.nurtureQueueId,
        returnQueueId: ctx.returnQueueId
    });
    const byId = new Map(leads.map((l) => [l.id, l]));
    const rows = plan.map((item) => planRow(item, byId.get(item.leadId)!));
    const result: ReturnRunResult = {
        applied: opts.apply,
        considered: nurtured.length,
        planned: plan.filter((p) => p.ok).length,
        returned: 0,
        skipped: 0,
        rows,
        failures: []
    };
    if (!opts.apply) return result;
    const fail = (row: ReturnRow, errorCode: string, message: string) => {
        row.result = 'failed';
        row.message = message;
        result.failures.push({ object: 'Lead', sourceId: null, id: row.id, errorCode, message });
    };
    for (const row of rows) if (row.result === 'refused') fail(row, 'NOT_RETURNED', row.message);
    const writes = plan.flatMap((item, index) =>
        item.ok
            ? // Back with sales is no longer "ready to return".
              [{ index, record: { ...item.fields, [LEAD_FIELDS.readyToReturn]: null } }]
            : []
    );
    const size = opts.batchSize ?? 200;
    for (let i = 0; i < writes.length; i += size) {
        // As `leadloop fix` applies: a lead saved since it was read is skipped with that
        // reason (its LastModifiedDate is read again just before the write).
        const planned = writes.slice(i, i + size).map((w) => ({
            ...w,
            leadId: rows[w.index].id,
            leadName: rows[w.index].name,
            lastModifiedDate: byId.get(rows[w.index].id)?.lastModifiedDate ?? null
        }));
        const current = await currentLeads(
            api,
            planned.map((w) => w.leadId),
            [],
            opts.bulkThreshold
        );
        const stamps = new Map(
            [...current].map(([id, r]) => [id, (r.LastModifiedDate as string | null) ?? null])
        );
        const { apply: batch, skipped } = stillUnchanged(planned, stamps);
        for (const s of skipped) {
            const row = rows.find((r) => r.id === s.leadId)!;
            row.result = 'skipped';
            row.message = `Not returned: ${s.reason}.`;
            result.skipped += 1;
        }
        const out = batch.length
            ? await api.write(
                  'Lead',
                  batch.map((w) => w.record as SObjectRecord),
                  'update',
                  { bulkThreshold: opts.bulkThreshold }
              )
            : { failures: [] };
        const failed = new Map(out.failures.map((f) => [f.index, f]));
        for (const [j, w] of batch.entries()) {
            const f = failed.get(j);
            if (f) fail(rows[w.index], f.errorCode, f.message);
            else {
                rows[w.index].result = 'returned';
                result.returned += 1;
            }
        }
        await opts.onProgress?.({ done: Math.min(i + size, writes.length), total: writes.length });
    }
    return result;
}

function planRow(item: ReturnPlanItem, lead: Lead): ReturnRow {
    const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
    return item.ok
        ? {
              id: item.leadId,
              name,
              to: item.to.name,
              via: item.to.via,
              explanation: item.explanation,
              result: 'preview',
              message: ''
          }
        : {
              id: item.leadId,
              name,
              to: '',
              via: '',
              explanation: '',
              result: 'refused',
              message: item.message
          };
}
