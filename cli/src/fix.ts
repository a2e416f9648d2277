/**
 * Bulk hygiene fixes against an org: plan one (the preview, from a fresh audit), apply the
 * plan only to leads unchanged since the preview and log every field (LL_Fix_Log__c), and
 * undo a logged run on the leads nobody changed since. The decisions are the core's
 * (`planFix`, `stillUnchanged`, `planFixUndo`); this file reads and writes.
 */
import {
    APPLICABLE_FIX_KINDS,
    closeStatusOf,
    FIX_LOG,
    fixLogEntryFromRecord,
    fixLogRecords,
    fixLogUndoneRecord,
    HYGIENE_CHECK_IDS,
    LEAD_FIELDS,
    leadName,
    planFix,
    planFixUndo,
    stillUnchanged,
    type ChangeOutcome,
    type FixOwner,
    type FixPlan,
    type LeadChange,
    type LeadSkip
} from '../../core/src/index';
import { Api, cond, soql, UserError, type RecordFailure, type SObjectRecord } from './api/index';
import { readHygieneSnapshot, runAudit, type OrgSnapshot } from './audit';

export interface FixRequest {
    /** A check id (its findings' fix) or a fix kind (every finding with that fix). */
    target: string;
    /** reassign: a user (Id or Name) or a queue (Id, DeveloperName or Name). */
    to?: string;
    roundRobin?: boolean;
    /** Round-robin cap per rep (default: the settings' LL_Round_Robin_Cap__c). */
    cap?: number;
    /** merge-duplicate: the lead to keep. */
    master?: string;
    now: Date;
    bulkThreshold: number;
}

export interface FixPreview {
    checkId: string | null;
    /** kind null: the check has no findings, so there is nothing to fix. */
    plan: Omit<FixPlan, 'kind'> & { kind: FixPlan['kind'] | null };
    read: OrgSnapshot;
}

/** One lead's outcome, as printed and returned in --json. */
export interface FixResult {
    leadId: string;
    leadName: string;
    result: 'Applied' | 'Skipped' | 'Failed' | 'Undone' | 'Refused';
    message: string;
    changes: LeadChange['changes'];
}

/** The Lead fields a fix may write (undo writes only these back). */
const FIXABLE_FIELDS = new Set<string>([
    LEAD_FIELDS.ownerId,
    LEAD_FIELDS.status,
    LEAD_FIELDS.duplicateOfId,
    LEAD_FIELDS.movedOnContactId,
    LEAD_FIELDS.movedOnOpportunityId
]);

function owner(read: OrgSnapshot, given: string): FixOwner {
    const { users, queues } = read.snapshot;
    const user = users.find((u) => u.id === given || u.name === given);
    if (user) return { id: user.id, name: user.name, kind: 'user', isActive: user.isActive };
    const queue = queues.find(
        (q) => q.id === given || q.developerName === given || q.name === given
    );
    if (queue) return { id: queue.id, name: queue.name, kind: 'queue' };
    throw new UserError(
        `--to "${given}" is neither a user (Id or full name) nor a queue (Id, DeveloperName or name).`,
        'BAD_FLAG',
        true
    );
}

/** Active users who work leads now (own an open one), with their open leads for the cap. */
function activeReps(read: OrgSnapshot) {
    const { settings, snapshot } = read;
    const closed = new Set(settings.disqualifiedStatuses);
    const open = new Map<string, number>();
    for (const l of snapshot.leads) {
        if (l.isConverted || closed.has(l.status)) continue;
        open.set(l.ownerId, (open.get(l.ownerId) ?? 0) + 1);
    }
    return snapshot.users
        .filter((u) => u.isActive && open.has(u.id))
        .map((u) => ({ id: u.id, name: u.name, openLeads: open.get(u.id)! }));
}

function fixKindOf(target: string, findings: { fix: { kind: string } }[]): string {
    if ((APPLICABLE_FIX_KINDS as readonly string[]).includes(target)) return target;
    const kinds = [...new Set(findings.map((f) => f.fix.kind))].filter((k) =>
        (APPLICABLE_FIX_KINDS as readonly string[]).includes(k)
    );
    if (kinds.length > 1) {
        throw new UserError(
            `The findings of ${target} suggest several fixes (${kinds.join(', ')}): name the fix instead of the check.`,
            'BAD_INPUT',
            true
        );
    }
    return kinds[0] ?? '';
}

/** The preview: a fresh audit, then the plan of the fix. */
export async function previewFix(api: Api, req: FixRequest): Promise<FixPreview> {
    const isKind = (APPLICABLE_FIX_KINDS as readonly string[]).includes(req.target);
    if (!isKind && !HYGIENE_CHECK_IDS.includes(req.target)) {
        throw new UserError(
            `Unknown check or fix "${req.target}". Fixes: ${APPLICABLE_FIX_KINDS.join(', ')}. Checks: ${HYGIENE_CHECK_IDS.join(', ')}.`,
            'BAD_INPUT',
            true
        );
    }
    const read = await readHygieneSnapshot(api, { bulkThreshold: req.bulkThreshold });
    const audit = runAudit(read, req.now, isKind ? undefined : [req.target]);
    const kind = fixKindOf(req.target, audit.findings);
    const checkId = isKind ? null : req.target;
    if (!kind && audit.findings.length) {
        const advice = [...new Set(audit.findings.map((f) => f.fix.kind))].join(', ');
        throw new UserError(
            `The findings of ${req.target} call for a rep's action (${advice}), not a change the CLI can apply. Fixes: ${APPLICABLE_FIX_KINDS.join(', ')}.`,
            'NO_FIX',
            true
        );
    }
    if (!kind) {
        // No findings left (e.g. a second run after the fix): nothing to do.
        return { checkId, plan: { kind: null, changes: [], skipped: [] }, read };
    }
    try {
        const plan = planFix(kind, audit.findings, read.snapshot.leads, {
            settings: read.settings,
            to: req.to ? owner(read, req.to) : null,
            roundRobin: req.roundRobin
                ? { reps: activeReps(read), cap: req.cap ?? read.settings.roundRobinCap }
                : null,
            masterId: req.master ?? null,
            closeStatus: closeStatusOf(read.settings)
        });
        return { checkId, plan, read };
    } catch (e) {
        if (e instanceof Error && e.name === 'FixInputError') {
            throw new UserError(e.message, 'BAD_INPUT', true);
        }
        throw e;
    }
}

/** LastModifiedDate (and the given fields) of these leads now: by Id, or all in bulk. */
export async function currentLeads(
    api: Api,
    ids: readonly string[],
    fields: readonly string[],
    bulkThreshold: number
): Promise<Map<string, SObjectRecord>> {
    const select = ['Id', 'FirstName', 'LastName', 'Company', 'LastModifiedDate', ...fields];
    const out = new Map<string, SObjectRecord>();
    const wanted = new Set(ids);
    if (ids.length >= bulkThreshold) {
        for (const r of await api.bulkQuery(soql({ select, from: 'Lead' }))) {
            if (wanted.has(String(r.Id))) out.set(String(r.Id), r);
        }
        return out;
    }
    for (let i = 0; i < ids.length; i += 200) {
        const rows = await api.query(
            soql({ select, from: 'Lead', where: [cond('Id', 'IN', ids.slice(i, i + 200))] })
        );
        for (const r of rows) out.set(String(r.Id), r);
    }
    return out;
}

const text = (v: unknown): string | null =>
    v === null || v === undefined || v === '' ? null : String(v);

function failure(leadId: string, errorCode: string, message: string): RecordFailure {
    return { object: 'Lead', sourceId: null, id: leadId, errorCode, message };
}

/** Writes the changes; returns what happened to each (Applied with the new stamp, or Failed). */
async function writeChanges(
    api: Api,
    changes: readonly LeadChange[],
    bulkThreshold: number
): Promise<ChangeOutcome[]> {
    const records = changes.map((c) => ({
        Id: c.leadId,
        ...Object.fromEntries(c.changes.map((f) => [f.field, f.to]))
    }));
    const written = await api.write('Lead', records, 'update', { bulkThreshold });
    const failed = new Map(written.failures.map((f) => [f.index, f]));
    const ok = changes.filter((_, i) => !failed.has(i)).map((c) => c.leadId);
    const after = await currentLeads(api, ok, [], bulkThreshold);
    return changes.map((change, i) => {
        const f = failed.get(i);
        return f
            ? { change, status: 'Failed', message: `${f.errorCode}: ${f.message}` }
            : {
                  change,
                  status: 'Applied',
                  leadModifiedAt: text(after.get(change.leadId)?.LastModifiedDate)
              };
    });
}

/** Per-record results: written ones as `done` (Applied / Undone), left ones as `left`. */
function results(
    outcomes: ChangeOutcome[],
    left: LeadSkip[],
    done: 'Applied' | 'Undone',
    leftAs: 'Skipped' | 'Refused'
): FixResult[] {
    return [
        ...outcomes.map((o) => ({
            leadId: o.change.leadId,
            leadName: o.change.leadName,
            result: o.status === 'Applied' ? done : ('Failed' as const),
            message: o.message ?? '',
            changes: o.change.changes
        })),
        ...left.map((s) => ({
            leadId: s.leadId,
            leadName: s.leadName,
            result: leftAs,
            message: s.reason,
            changes: []
        }))
    ];
}

/** Writes fix log rows; a row that fails is a per-record failure saying so. */
async function writeLog(
    api: Api,
    rows: SObjectRecord[],
    mode: 'create' | 'update',
    bulkThreshold: number
): Promise<RecordFailure[]> {
    const out = await api.write(FIX_LOG.objectApiName, rows, mode, { bulkThreshold });
    return out.failures.map((e) => ({
        object: FIX_LOG.objectApiName,
        sourceId: null,
        id: String(rows[e.index].Id ?? rows[e.index][FIX_LOG.fields.leadId]),
        errorCode: e.errorCode,
        message: `The fix log row could not be ${mode === 'create' ? 'written' : 'updated'}: ${e.message}`
    }));
}

/**
 * Applies a previewed plan: leads changed since the preview are skipped (and logged as
 * Skipped), the others written, every field logged under `runId` in the same run.
 */
export async function applyFix(
    api: Api,
    preview: Pick<FixPreview, 'plan' | 'checkId'>,
    opts: { runId: string; now: Date; bulkThreshold: number }
): Promise<{ runId: string; results: FixResult[]; failures: RecordFailure[] }> {
    const { plan } = preview;
    const ids = plan.changes.map((c) => c.leadId);
    const now = await currentLeads(api, ids, [], opts.bulkThreshold);
    const stamps = new Map([...now].map(([id, r]) => [id, text(r.LastModifiedDate)]));
    const { apply, skipped } = stillUnchanged(plan.changes, stamps);
    const outcomes = await writeChanges(api, apply, opts.bulkThreshold);
    const reasons = new Map(skipped.map((x) => [x.leadId, x.reason]));
    const logged: ChangeOutcome[] = [
        ...outcomes,
        ...plan.changes
            .filter((c) => reasons.has(c.leadId))
            .map((change) => ({
                change,
                status: 'Skipped' as const,
                message: reasons.get(change.leadId)
            }))
    ];
    const failures = outcomes
        .filter((o) => o.status === 'Failed')
        .map((o) => failure(o.change.leadId, 'FIX_FAILED', o.message ?? ''));
    const log = fixLogRecords(
        { runId: opts.runId, checkId: preview.checkId, appliedAt: opts.now.toISOString() },
        logged
    );
    failures.push(...(await writeLog(api, log, 'create', opts.bulkThreshold)));
    return {
        runId: opts.runId,
        results: results(outcomes, [...skipped, ...plan.skipped], 'Applied', 'Skipped'),
        failures
    };
}

/** Reverts one fix run on the leads unchanged since; marks the log rows undone. */
export async function undoFix(
    api: Api,
    runId: string,
    opts: { now: Date; bulkThreshold: number }
): Promise<{ results: FixResult[]; failures: RecordFailure[] }> {
    const f = FIX_LOG.fields;
    const rows = await api.query(
        soql({
            select: Object.values(f),
            from: FIX_LOG.objectApiName,
            where: [cond(f.runId, '=', runId)]
        })
    );
    if (!rows.length) {
        throw new UserError(
            `There is no fix run "${runId}" in ${FIX_LOG.objectApiName}.`,
            'NOT_FOUND',
            true
        );
    }
    const log = rows.map(fixLogEntryFromRecord).filter((e) => FIXABLE_FIELDS.has(e.field));
    const fields = [...new Set(log.map((e) => e.field))];
    const ids = [...new Set(log.map((e) => e.leadId))];
    const now = await currentLeads(api, ids, fields, opts.bulkThreshold);
    const plan = planFixUndo(
        runId,
        log,
        [...now.values()].map((r) => ({
            id: String(r.Id),
            name: leadName({
                firstName: text(r.FirstName),
                lastName: text(r.LastName) ?? '',
                company: text(r.Company) ?? ''
            }),
            lastModifiedDate: text(r.LastModifiedDate),
            values: Object.fromEntries(fields.map((k) => [k, text(r[k])]))
        }))
    );
    const outcomes = await writeChanges(api, plan.changes, opts.bulkThreshold);
    const at = opts.now.toISOString();
    const updates: SObjectRecord[] = [];
    const failures: RecordFailure[] = [];
    outcomes.forEach((o, i) => {
        if (o.status === 'Applied') {
            for (const id of plan.changes[i].logIds) updates.push(fixLogUndoneRecord(id, at));
        } else {
            failures.push(failure(o.change.leadId, 'UNDO_FAILED', o.message ?? ''));
        }
    });
    for (const r of plan.refused) {
        for (const id of r.logIds) updates.push(fixLogUndoneRecord(id, at, r.reason));
    }
    failures.push(...(await writeLog(api, updates, 'update', opts.bulkThreshold)));
    return { results: results(outcomes, plan.refused, 'Undone', 'Refused'), failures };
}
