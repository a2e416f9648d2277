/**
 * The hygiene audit of an org: reads the snapshot the core audits (leads, owners, queues,
 * contacts, accounts, opportunities, activities; the fields from the core's HYGIENE_READS),
 * runs `auditLeads` and records the run (LL_Audit_Run__c). The lead count decides the
 * transport of leads and tasks (the activity log grows with them): REST pages below the Bulk
 * threshold, Bulk API 2.0 at or above it. Contacts, accounts, opportunities and events need
 * not grow with leads: their first REST page tells their size (`api.readBySize`). Users and
 * queues are always few: read with the lead count and the settings in one composite call.
 */
import {
    AUDIT_RUN,
    auditLeads,
    auditRunFigures,
    auditRunRecord,
    HYGIENE_READS,
    parseSettings,
    SETTINGS,
    type AuditFigures,
    type AuditResult,
    type Finding,
    type HygieneSnapshot,
    type LeadLoopSettings,
    hygieneSnapshotFromRecords
} from '../../core/src/index';
import { Api, cond, soql, UserError, type SObjectRecord, type Transport } from './api/index';

export interface OrgSnapshot {
    snapshot: HygieneSnapshot;
    settings: LeadLoopSettings;
    /** Problems with LL_Settings__c (the defaults are used for those values). */
    settingsIssues: string[];
    transport: Transport;
}

/** The query of the active LL_Settings__c. */
function settingsQuery(): string {
    return soql({
        select: ['Id', ...Object.values(SETTINGS.fields).filter((f) => f !== 'Id')],
        from: SETTINGS.objectApiName,
        where: [cond(SETTINGS.fields.active, '=', true)],
        limit: 1
    });
}

/** The settings from the active LL_Settings__c row, parsed (defaults when there is none). */
function settingsFrom(rows: SObjectRecord[]): { settings: LeadLoopSettings; issues: string[] } {
    const parsed = parseSettings(rows[0] ?? null);
    return { settings: parsed.settings, issues: parsed.issues.map((i) => i.message) };
}

/** The active LL_Settings__c, parsed (defaults when there is none). */
export async function readSettings(
    api: Api
): Promise<{ settings: LeadLoopSettings; issues: string[] }> {
    return settingsFrom(await api.query(settingsQuery()));
}

/** The queries of the users and queues that can own leads. */
function ownerQueries(): [string, string] {
    return [
        soql({ select: HYGIENE_READS.User, from: 'User' }),
        soql({ select: HYGIENE_READS.Group, from: 'Group', where: [cond('Type', '=', 'Queue')] })
    ];
}

/** The users and queues that can own leads, as the audit reads them (two independent reads). */
export function readOwners(api: Api): [Promise<SObjectRecord[]>, Promise<SObjectRecord[]>] {
    const [users, queues] = ownerQueries();
    return [api.query(users), api.query(queues)];
}

/**
 * Everything the audit reads, in as few calls as the transport allows: the lead count, the
 * settings and the owners (few rows each) in one composite call, then the rest at once.
 */
export async function readHygieneSnapshot(
    api: Api,
    opts: { bulkThreshold: number }
): Promise<OrgSnapshot> {
    const [count, settingsRows, users, queues] = await api.queries([
        soql({ select: ['COUNT()'], from: 'Lead' }),
        settingsQuery(),
        ...ownerQueries()
    ]);
    const settings = settingsFrom(settingsRows.records);
    const { transport, read } = api.reader(count.totalSize, opts.bulkThreshold);
    const bySize = (object: keyof typeof HYGIENE_READS) =>
        api.readBySize(soql({ select: HYGIENE_READS[object], from: object }), opts.bulkThreshold);
    // Independent reads: at once (the same calls, less wall time).
    const [leads, contacts, accounts, opportunities, tasks, events] = await Promise.all([
        read(soql({ select: HYGIENE_READS.Lead, from: 'Lead' })),
        bySize('Contact'),
        bySize('Account'),
        bySize('Opportunity'),
        read(
            soql({
                select: HYGIENE_READS.Task,
                from: 'Task',
                where: [cond('WhoId', '!=', null)]
            })
        ),
        api.readBySize(
            soql({
                select: HYGIENE_READS.Event,
                from: 'Event',
                where: [cond('WhoId', '!=', null)]
            }),
            opts.bulkThreshold
        )
    ]);
    return {
        snapshot: hygieneSnapshotFromRecords({
            Lead: leads,
            User: users.records,
            Group: queues.records,
            Contact: contacts,
            Account: accounts,
            Opportunity: opportunities,
            Task: tasks,
            Event: events
        }),
        settings: settings.settings,
        settingsIssues: settings.issues,
        transport
    };
}

/** Runs the core audit; a bad check id or unusable settings is the user's to fix. */
export function runAudit(
    read: OrgSnapshot,
    now: Date,
    checks?: readonly string[],
    onFinding?: (f: Finding) => void
): AuditResult {
    try {
        return auditLeads(read.snapshot, read.settings, now, { checks, onFinding });
    } catch (e) {
        if (e instanceof Error && e.name === 'HygieneInputError') {
            throw new UserError(e.message, 'BAD_INPUT', /^Unknown check/.test(e.message));
        }
        throw e;
    }
}

/** The figures the run keeps: the metrics over what the audit read, with its findings. */
export function runFigures(read: OrgSnapshot, result: AuditResult): AuditFigures {
    return auditRunFigures(read.snapshot, result.findings, read.settings, new Date(result.now));
}

/**
 * Records the run (LL_Audit_Run__c) for findings over time, with the figures the funnel
 * page shows from the latest run (`auditRunFigures`); returns its id.
 */
export async function saveAuditRun(
    api: Api,
    result: AuditResult,
    figures: AuditFigures
): Promise<string> {
    const out = await api.write(
        AUDIT_RUN.objectApiName,
        [auditRunRecord(result, 'CLI', figures)],
        'create',
        {
            bulkThreshold: Infinity
        }
    );
    if (out.failures.length) {
        throw new UserError(
            `The audit ran, but its run record could not be saved: ${out.failures[0].message}`,
            'SAVE_FAILED'
        );
    }
    return out.ids.get(0)!;
}
