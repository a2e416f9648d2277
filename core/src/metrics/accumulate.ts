/**
 * The mergeable form of the metrics: an accumulator of counters that pages of
 * leads (with their related records) or grouped aggregate rows are added to,
 * in any order and split, then `finishMetrics` turns into the results. Every
 * add is one linear pass over its input, with maps for the joins.
 */
import { toEpochMs } from '../dates';
import type { Id } from '../types';
import {
    derive,
    isQueueId,
    leadFacts,
    NO_SOURCE,
    scratchFacts,
    STAGE,
    statusMap,
    UNSCORED,
    UNSPECIFIED_REASON,
    type LeadContext,
    type LeadFacts
} from './facts';
import { emptySamples, pushSample, type Samples } from './samples';
import {
    FUNNEL_STAGES,
    LEAK_KINDS,
    type LeakKind,
    type MetricActivity,
    type MetricAuditRun,
    type MetricCampaign,
    type MetricFinding,
    type MetricOpportunity,
    type MetricReviewMeeting,
    type MetricsOptions,
    type MetricsPage
} from './types';

export interface GroupCounts {
    leads: number;
    converted: number;
    won: number;
    wonAmount: number;
}

export interface CampaignCounts {
    members: number;
    responded: number;
    convertedLeads: number;
    wonLeads: number;
    wonAmount: number;
}

export interface MetricsAccumulator {
    readonly ctx: LeadContext;
    leads: number;
    touched: number;
    slaEligible: number;
    withinSla: number;
    speedHours: Samples;
    qualifiedNow: number;
    qualifiedUntouched: number;
    open: number;
    dead: number;
    /** Leads per furthest stage index. */
    furthest: number[];
    /** Leads showing each stage's own evidence. */
    evidence: number[];
    /** Leads per furthest stage index and leak kind. */
    leak: Record<LeakKind, number>[];
    bySource: Map<string, GroupCounts>;
    byTier: Map<string, GroupCounts>;
    campaigns: Map<Id, CampaignCounts>;
    campaignInfo: Map<Id, MetricCampaign>;
    won: number;
    wonAmount: number;
    handedBack: number;
    reasons: Map<string, number>;
    returnedToSales: number;
    recycledWon: number;
    recycledWonAmount: number;
    reviewScope: number;
    reviewed: number;
    meetings: Map<Id, MetricReviewMeeting>;
    /** Distinct leads with an entry, per meeting id. */
    entriesPerMeeting: Map<Id, number>;
    auditRuns: Map<string, MetricAuditRun>;
    /** The current audit (the `findings` of the pages): null until findings are given. */
    current: MetricAuditRun | null;
    defective: number;
    defectiveByCheck: Map<string, number>;
    unresolvedOpportunities: number;
}

/** A new, empty accumulator. Throws a clear error for unusable options. */
export function emptyMetrics(options: MetricsOptions): MetricsAccumulator {
    const { settings, now } = options ?? ({} as MetricsOptions);
    if (!settings || !Array.isArray(settings.qualifiedStatuses)) {
        throw new Error('Metrics need the Lead Loop settings (parseSettings of LL_Settings__c).');
    }
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
        throw new Error('Metrics need `now` as a valid Date.');
    }
    const reviewWindowDays = options.reviewWindowDays ?? 7;
    if (!Number.isFinite(reviewWindowDays) || reviewWindowDays <= 0) {
        throw new Error(
            `reviewWindowDays must be a positive number of days, not ${reviewWindowDays}.`
        );
    }
    return {
        ctx: {
            settings,
            map: statusMap(settings),
            nowMs: now.getTime(),
            reviewWindowDays,
            isQueue: options.isQueue ?? isQueueId
        },
        leads: 0,
        touched: 0,
        slaEligible: 0,
        withinSla: 0,
        speedHours: emptySamples(),
        qualifiedNow: 0,
        qualifiedUntouched: 0,
        open: 0,
        dead: 0,
        furthest: FUNNEL_STAGES.map(() => 0),
        evidence: FUNNEL_STAGES.map(() => 0),
        leak: FUNNEL_STAGES.map(() => emptyLeak()),
        bySource: new Map(),
        byTier: new Map(),
        campaigns: new Map(),
        campaignInfo: new Map(),
        won: 0,
        wonAmount: 0,
        handedBack: 0,
        reasons: new Map(),
        returnedToSales: 0,
        recycledWon: 0,
        recycledWonAmount: 0,
        reviewScope: 0,
        reviewed: 0,
        meetings: new Map(),
        entriesPerMeeting: new Map(),
        auditRuns: new Map(),
        current: null,
        defective: 0,
        defectiveByCheck: new Map(),
        unresolvedOpportunities: 0
    };
}

function emptyLeak(): Record<LeakKind, number> {
    return Object.fromEntries(LEAK_KINDS.map((k) => [k, 0])) as Record<LeakKind, number>;
}

const add = <K>(map: Map<K, number>, key: K, n: number): void => {
    map.set(key, (map.get(key) ?? 0) + n);
};

export const bump = (record: Record<string, number>, key: string, n: number): void => {
    record[key] = (record[key] ?? 0) + n;
};

function addGroup(map: Map<string, GroupCounts>, key: string, f: LeadFacts, n: number): void {
    let g = map.get(key);
    if (!g) map.set(key, (g = { leads: 0, converted: 0, won: 0, wonAmount: 0 }));
    g.leads += n;
    if (f.converted) g.converted += n;
    if (f.won) g.won += n;
    g.wonAmount += f.wonAmount;
}

/** Adds `n` leads with the same facts (n = 1 for a lead; amounts are totals). */
function addFacts(acc: MetricsAccumulator, f: LeadFacts, n: number): void {
    const { map } = acc.ctx;
    acc.leads += n;
    if (f.touched) acc.touched += n;
    if (f.slaEligible) acc.slaEligible += n;
    if (f.withinSla) acc.withinSla += n;
    if (f.firstTouchHours !== null) pushSample(acc.speedHours, f.firstTouchHours);
    if (!f.converted && map.qualified.has(f.status)) {
        acc.qualifiedNow += n;
        if (!f.touched) acc.qualifiedUntouched += n;
    }
    if (f.open) acc.open += n;
    if (f.dead) acc.dead += n;
    acc.furthest[f.furthest] += n;
    for (let i = 0; i < FUNNEL_STAGES.length; i++) {
        if (f.evidence & (1 << i)) acc.evidence[i] += n;
    }
    acc.leak[f.furthest][f.leak] += n;
    addGroup(acc.bySource, f.source, f, n);
    addGroup(acc.byTier, f.tier, f, n);
    if (f.won) {
        acc.won += n;
        acc.wonAmount += f.wonAmount;
    }
    if (f.handedBack) {
        acc.handedBack += n;
        add(acc.reasons, f.handbackReason ?? UNSPECIFIED_REASON, n);
        if (f.converted || f.ownerIsUser) acc.returnedToSales += n;
        if (f.won) {
            acc.recycledWon += n;
            acc.recycledWonAmount += f.wonAmount;
        }
    }
    if (f.inReviewScope) {
        acc.reviewScope += n;
        if (f.reviewed) acc.reviewed += n;
    }
}

/** When a task or event touched the lead (epoch ms), or null if it is not a touch. */
export function touchMoment(a: MetricActivity, nowMs: number): number | null {
    if (a.kind === 'Event') {
        const at = toEpochMs(a.startDateTime ?? a.activityDate);
        return Number.isFinite(at) && at <= nowMs ? at : null;
    }
    const closed = a.isClosed ?? a.status === 'Completed';
    if (!closed) return null;
    const completed = toEpochMs(a.completedDateTime);
    if (Number.isFinite(completed)) return completed;
    // Logged after the fact (created on the day) or completed on its due date. A due
    // date on or before the creation day (ISO text compares in time order) cannot be
    // later than the creation, so it is not even parsed.
    const created = toEpochMs(a.createdDate);
    const due =
        a.activityDate && a.createdDate && a.activityDate <= a.createdDate
            ? Number.NaN
            : toEpochMs(a.activityDate);
    const latest = Math.max(created || -Infinity, due || -Infinity);
    if (latest <= nowMs) return Number.isFinite(latest) ? latest : null;
    return Number.isFinite(created) ? Math.min(created, nowMs) : nowMs;
}

/**
 * Adds one page of leads with their related records. Related records of leads
 * not in the page are ignored; a lead appearing in two pages counts twice.
 */
export function addLeads(acc: MetricsAccumulator, page: MetricsPage): MetricsAccumulator {
    const { ctx } = acc;
    if (!page || !Array.isArray(page.leads)) {
        throw new Error('A metrics page needs `leads` (an array of leads).');
    }
    // Each lead id with related records gets a slot; its records are gathered into
    // per-slot arrays, so the lead loop makes one lookup and allocates nothing per lead.
    // (Records of leads not in the page get slots too, and are never read.)
    const leads = page.leads;
    const slotOf = new Map<Id, number>();
    const first: number[] = [];
    const last: number[] = [];
    const lastReviewed: number[] = [];
    const members: ({ campaignId: Id; hasResponded: boolean }[] | undefined)[] = [];
    const findings: (MetricFinding[] | undefined)[] = [];
    /** Meetings with an entry for the lead: each lead counts once per meeting and page. */
    const meetings: (Set<Id> | undefined)[] = [];
    const slotFor = (leadId: Id): number => {
        let slot = slotOf.get(leadId);
        if (slot === undefined) {
            slot = first.length;
            slotOf.set(leadId, slot);
            first.push(Infinity);
            last.push(-Infinity);
            lastReviewed.push(-Infinity);
            members.push(undefined);
            findings.push(undefined);
            meetings.push(undefined);
        }
        return slot;
    };
    for (const a of page.activities ?? []) {
        if (!a.whoId) continue;
        const at = touchMoment(a, ctx.nowMs);
        if (at === null) continue;
        const slot = slotFor(a.whoId);
        if (at < first[slot]) first[slot] = at;
        if (at > last[slot]) last[slot] = at;
    }
    const opportunities = new Map<Id, MetricOpportunity>();
    for (const o of page.opportunities ?? []) opportunities.set(o.id, o);
    for (const e of page.reviewEntries ?? []) {
        const slot = slotFor(e.leadId);
        const at = toEpochMs(e.reviewedAt);
        if (Number.isFinite(at) && at > lastReviewed[slot]) lastReviewed[slot] = at;
        if (e.meetingId) (meetings[slot] ??= new Set()).add(e.meetingId);
    }
    for (const m of page.campaignMembers ?? []) {
        if (m.leadId) (members[slotFor(m.leadId)] ??= []).push(m);
    }
    for (const fnd of page.findings ?? []) (findings[slotFor(fnd.leadId)] ??= []).push(fnd);
    const run = page.findings
        ? (acc.current ??= emptyRun(new Date(ctx.nowMs).toISOString()))
        : null;

    const f = scratchFacts();
    const touches = { first: 0, last: 0 };
    for (const lead of leads) {
        const slot = slotOf.get(lead.id);
        let opp: MetricOpportunity | null = null;
        if (lead.isConverted && lead.convertedOpportunityId) {
            opp = opportunities.get(lead.convertedOpportunityId) ?? null;
            if (!opp) acc.unresolvedOpportunities++;
        }
        if (slot === undefined) {
            leadFacts(lead, null, opp, -Infinity, ctx, f);
            addFacts(acc, f, 1);
            continue;
        }
        touches.first = first[slot];
        touches.last = last[slot];
        const touched = touches.first !== Infinity ? touches : null;
        leadFacts(lead, touched, opp, lastReviewed[slot], ctx, f);
        addFacts(acc, f, 1);
        for (const m of members[slot] ?? []) {
            let c = acc.campaigns.get(m.campaignId);
            if (!c) {
                c = { members: 0, responded: 0, convertedLeads: 0, wonLeads: 0, wonAmount: 0 };
                acc.campaigns.set(m.campaignId, c);
            }
            c.members++;
            if (m.hasResponded) c.responded++;
            if (f.converted) c.convertedLeads++;
            if (f.won) {
                c.wonLeads++;
                c.wonAmount += f.wonAmount;
            }
        }
        const leadMeetings = meetings[slot];
        if (leadMeetings) {
            for (const meetingId of leadMeetings) add(acc.entriesPerMeeting, meetingId, 1);
            // A lead listed twice in the page still counts once per meeting.
            meetings[slot] = undefined;
        }
        const own = findings[slot];
        if (run && own) {
            const checks = new Set<string>();
            for (const fnd of own) {
                run.findings++;
                bump(run.byCheck, fnd.checkId, 1);
                bump(run.bySeverity, fnd.severity, 1);
                checks.add(fnd.checkId);
            }
            run.leads++;
            if (f.evidence & (1 << STAGE.handedToSales)) {
                acc.defective++;
                for (const check of checks) add(acc.defectiveByCheck, check, 1);
            }
        }
    }
    return acc;
}

export function emptyRun(ranAt: string): MetricAuditRun {
    return { ranAt, findings: 0, leads: 0, byCheck: {}, bySeverity: {} };
}

/**
 * One grouped aggregate row (e.g. a GraphQL `aggregate` query grouped by
 * Status, IsConverted, LeadSource, LL_Tier__c…, with each boolean fact taken
 * from a filter): `count` leads sharing these values. Facts a row does not
 * give count as false/unknown; the speed to first touch and the follow-up SLA
 * need per-lead touches, so rows leave them out.
 */
export interface LeadGroup {
    count: number;
    status: string;
    isConverted?: boolean;
    ownerIsQueue?: boolean;
    hasPreviousOwner?: boolean;
    salesReady?: boolean;
    touched?: boolean;
    handedBack?: boolean;
    handbackReason?: string | null;
    leadSource?: string | null;
    tier?: string | null;
    won?: boolean;
    lost?: boolean;
    /** Total won amount of the row's leads. */
    wonAmount?: number;
    dead?: boolean;
    reviewed?: boolean;
}

export function addLeadGroups(
    acc: MetricsAccumulator,
    groups: readonly LeadGroup[]
): MetricsAccumulator {
    for (const [i, g] of groups.entries()) {
        if (!Number.isInteger(g?.count) || g.count < 0 || typeof g.status !== 'string') {
            throw new Error(
                `Lead group ${i + 1} needs a whole, non-negative count and a status (got ${JSON.stringify(g)}).`
            );
        }
        if (g.count === 0) continue;
        const converted = g.isConverted === true;
        const handedBack = g.handedBack === true;
        const f = derive(
            {
                status: g.status,
                converted,
                ownerIsUser: g.ownerIsQueue === false,
                hasPreviousOwner: g.hasPreviousOwner === true,
                salesReady: g.salesReady === true,
                touched: g.touched === true,
                handedBack,
                won: converted && g.won === true,
                lost: converted && g.lost === true,
                dead: g.dead === true,
                firstTouchHours: null,
                slaEligible: false,
                withinSla: false,
                source: g.leadSource || NO_SOURCE,
                tier: g.tier || UNSCORED,
                wonAmount: converted && g.won ? (g.wonAmount ?? 0) : 0,
                handbackReason: handedBack ? g.handbackReason || UNSPECIFIED_REASON : null,
                reviewed: g.reviewed === true,
                evidence: 0,
                furthest: 0,
                leak: 'inProgress',
                open: false,
                inReviewScope: false
            },
            acc.ctx.map
        );
        addFacts(acc, f, g.count);
    }
    return acc;
}

/** Campaign names and costs (for the return per campaign). */
export function addCampaigns(
    acc: MetricsAccumulator,
    campaigns: readonly MetricCampaign[]
): MetricsAccumulator {
    for (const c of campaigns) acc.campaignInfo.set(c.id, c);
    return acc;
}

export function addReviewMeetings(
    acc: MetricsAccumulator,
    meetings: readonly MetricReviewMeeting[]
): MetricsAccumulator {
    for (const m of meetings) acc.meetings.set(m.id, m);
    return acc;
}

/** Earlier audit runs' counts (findings over time); a later add for the same time replaces. */
export function addAuditRuns(
    acc: MetricsAccumulator,
    runs: readonly MetricAuditRun[]
): MetricsAccumulator {
    for (const r of runs) {
        if (!Number.isFinite(toEpochMs(r.ranAt))) {
            throw new Error(`Audit run has no valid ranAt (got ${JSON.stringify(r.ranAt)}).`);
        }
        acc.auditRuns.set(r.ranAt, r);
    }
    return acc;
}

/** The counts of one audit run from its findings (what the audit keeps per run). */
export function auditRunCounts(ranAt: string, findings: readonly MetricFinding[]): MetricAuditRun {
    const run = emptyRun(ranAt);
    const leads = new Set<Id>();
    for (const f of findings) {
        run.findings++;
        bump(run.byCheck, f.checkId, 1);
        bump(run.bySeverity, f.severity, 1);
        leads.add(f.leadId);
    }
    run.leads = leads.size;
    return run;
}
