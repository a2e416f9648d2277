/** Small builders for hygiene tests: one clock, a rep who works, a rep who left, queues. */
import {
    auditLeads,
    DEFAULT_SETTINGS,
    type Finding,
    type HygieneActivity,
    type HygieneSnapshot,
    type Lead,
    type LeadLoopSettings
} from '../../src/index';

export const NOW = new Date('2026-11-22T12:00:00.000Z');
export const DAY = 86_400_000;

/** The moment `days` days (plus `ms`) before NOW, ISO. */
export const ago = (days: number, ms = 0): string =>
    new Date(NOW.getTime() - days * DAY - ms).toISOString();
/** The calendar date `days` before NOW. */
export const dayAgo = (days: number): string => ago(days).slice(0, 10);

export const REP = '005000000000001AAA';
export const GONE = '005000000000002AAA';
export const NURTURE = '00G000000000001AAA';
export const INBOUND = '00G000000000002AAA';

let seq = 0;
export function lead(values: Partial<Lead> = {}): Lead {
    seq += 1;
    return {
        id: `00Q${String(seq).padStart(15, '0')}`,
        firstName: 'Ada',
        lastName: `Lovelace${seq}`,
        company: `Company ${seq}`,
        email: `ada${seq}@company${seq}.com`,
        status: 'Working - Contacted',
        isConverted: false,
        ownerId: REP,
        createdDate: ago(3),
        tier: 'Warm',
        salesReady: true,
        ...values
    };
}

export function task(
    whoId: string,
    daysAgo: number,
    values: Partial<HygieneActivity> = {}
): HygieneActivity {
    seq += 1;
    return {
        id: `00T${String(seq).padStart(15, '0')}`,
        kind: 'Task',
        whoId,
        ownerId: REP,
        subject: 'Call',
        type: 'Call',
        activityDate: dayAgo(daysAgo),
        status: 'Completed',
        createdDate: ago(daysAgo),
        ...values
    };
}

export function snapshot(values: Partial<HygieneSnapshot> = {}): HygieneSnapshot {
    return {
        leads: [],
        users: [
            { id: REP, name: 'Rita Rep', isActive: true },
            { id: GONE, name: 'Gary Gone', isActive: false }
        ],
        queues: [
            {
                id: NURTURE,
                name: 'Lead Loop Marketing Nurture',
                developerName: 'LL_Marketing_Nurture'
            },
            { id: INBOUND, name: 'Web Inbound', developerName: 'Web_Inbound' }
        ],
        contacts: [],
        accounts: [],
        opportunities: [],
        tasks: [],
        events: [],
        ...values
    };
}

/** The findings of one check over a snapshot. */
export function run(
    checkId: string,
    snap: Partial<HygieneSnapshot>,
    settings: Partial<LeadLoopSettings> = {}
): Finding[] {
    return auditLeads(snapshot(snap), { ...DEFAULT_SETTINGS, ...settings }, NOW, {
        checks: [checkId]
    }).findings;
}

/** Ids of the leads one check flags. */
export function flagged(
    checkId: string,
    snap: Partial<HygieneSnapshot>,
    settings: Partial<LeadLoopSettings> = {}
): string[] {
    return run(checkId, snap, settings).map((f) => f.leadId);
}
