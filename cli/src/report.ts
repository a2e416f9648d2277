/**
 * `leadloop report`: every metric of an org (README "Tracking and reporting").
 * Reads through the API layer (REST paged with queryMore, Bulk API 2.0 from the
 * threshold), adds the leads page by page to the core's mergeable accumulator
 * (each page with its own activities, memberships and opportunities), and with
 * `audit` runs the hygiene audit for the process defect rate.
 */
import {
    addCampaigns,
    addLeads,
    addReviewMeetings,
    auditLeads,
    emptyMetrics,
    finishMetrics,
    HYGIENE_FIELDS,
    LEAD_FIELDS,
    leadFromRecord,
    metricActivityFromRecord,
    metricCampaignFromRecord,
    metricOpportunityFromRecord,
    parseSettings,
    REVIEW_ENTRY,
    REVIEW_MEETING,
    reviewEntryFromRecord,
    reviewMeetingFromRecord,
    SCORING_ACTIVITY_FIELDS,
    SETTINGS,
    type LeadLoopMetrics,
    type MetricFinding,
    type MetricsPage,
    hygieneSnapshotFromRecords
} from '../../core/src/index';
import { cond, soql, type Api, type SObjectRecord, type Transport } from './api/index';
import { readOwners } from './audit';

export interface ReportOptions {
    now?: Date;
    bulkThreshold?: number;
    /** Run the hygiene audit: its findings give the process defect rate. */
    audit?: boolean;
    /** Leads per accumulator page (default 5,000). */
    pageSize?: number;
}

export interface ReportResult {
    metrics: LeadLoopMetrics;
    transport: Transport;
    leadsRead: number;
    findings: number | null;
}

const LEAD_SELECT = [
    ...new Set(['Id', 'CreatedDate', 'LastActivityDate', ...Object.values(LEAD_FIELDS)])
];
const TASK_SELECT = [...new Set([...SCORING_ACTIVITY_FIELDS.Task, ...HYGIENE_FIELDS.Task])];
const EVENT_SELECT = [...new Set([...SCORING_ACTIVITY_FIELDS.Event, ...HYGIENE_FIELDS.Event])];
const OPPORTUNITY_SELECT = [...new Set([...HYGIENE_FIELDS.Opportunity, 'Amount'])];

const byLead = (rows: SObjectRecord[], field: string): Map<string, SObjectRecord[]> => {
    const out = new Map<string, SObjectRecord[]>();
    for (const r of rows) {
        const id = String(r[field] ?? '').slice(0, 15);
        if (!id) continue;
        const list = out.get(id);
        if (list) list.push(r);
        else out.set(id, [r]);
    }
    return out;
};

export async function reportOrg(api: Api, opts: ReportOptions = {}): Promise<ReportResult> {
    const now = opts.now ?? new Date();
    const pageSize = opts.pageSize ?? 5000;
    const leadCount = await api.count(soql({ select: ['COUNT()'], from: 'Lead' }));
    const { transport, read } = api.reader(leadCount, opts.bulkThreshold ?? 2000);
    const withWho = (from: string, select: readonly string[]) =>
        read(soql({ select, from, where: [cond('WhoId', '!=', null)] }));
    const [leads, tasks, events, members, opportunities, campaigns, settingsRows] =
        await Promise.all([
            read(
                soql({
                    select: LEAD_SELECT,
                    from: 'Lead',
                    orderBy: { field: 'Id', direction: 'ASC' }
                })
            ),
            withWho('Task', TASK_SELECT),
            withWho('Event', EVENT_SELECT),
            read(
                soql({
                    select: ['Id', 'CampaignId', 'LeadId', 'HasResponded'],
                    from: 'CampaignMember',
                    where: [cond('LeadId', '!=', null)]
                })
            ),
            api.query(soql({ select: OPPORTUNITY_SELECT, from: 'Opportunity' })),
            api.query(soql({ select: ['Id', 'Name', 'ActualCost'], from: 'Campaign' })),
            api.query(
                soql({
                    select: ['Id', ...Object.values(SETTINGS.fields)],
                    from: SETTINGS.objectApiName,
                    where: [cond(SETTINGS.fields.active, '=', true)],
                    limit: 1
                })
            )
        ]);
    const [entries, meetings] = await Promise.all([
        api.query(
            soql({ select: Object.values(REVIEW_ENTRY.fields), from: REVIEW_ENTRY.objectApiName })
        ),
        api.query(
            soql({
                select: Object.values(REVIEW_MEETING.fields),
                from: REVIEW_MEETING.objectApiName
            })
        )
    ]);
    const { settings } = parseSettings(settingsRows[0]);

    let findings: MetricFinding[] | undefined;
    if (opts.audit) {
        const [users, queues, contacts, accounts] = await Promise.all([
            ...readOwners(api),
            read(soql({ select: HYGIENE_FIELDS.Contact, from: 'Contact' })),
            read(soql({ select: HYGIENE_FIELDS.Account, from: 'Account' }))
        ]);
        findings = [];
        const sink = findings;
        auditLeads(
            hygieneSnapshotFromRecords({
                Lead: leads,
                User: users,
                Group: queues,
                Contact: contacts,
                Account: accounts,
                Opportunity: opportunities,
                Task: tasks,
                Event: events
            }),
            settings,
            now,
            {
                onFinding: (f) =>
                    sink.push({ leadId: f.leadId, checkId: f.checkId, severity: f.severity })
            }
        );
    }

    const acc = emptyMetrics({ settings, now });
    addCampaigns(acc, campaigns.map(metricCampaignFromRecord));
    addReviewMeetings(acc, meetings.map(reviewMeetingFromRecord));
    const tasksOf = byLead(tasks, 'WhoId');
    const eventsOf = byLead(events, 'WhoId');
    const membersOf = byLead(members, 'LeadId');
    const entriesOf = byLead(entries, REVIEW_ENTRY.fields.leadId);
    const findingsOf = new Map<string, MetricFinding[]>();
    for (const f of findings ?? []) {
        const id = f.leadId.slice(0, 15);
        findingsOf.set(id, [...(findingsOf.get(id) ?? []), f]);
    }
    const opportunityById = new Map(opportunities.map((o) => [String(o.Id).slice(0, 15), o]));
    for (let start = 0; start < leads.length; start += pageSize) {
        const rows = leads.slice(start, start + pageSize);
        const ids = rows.map((r) => String(r.Id).slice(0, 15));
        const each = <T>(map: Map<string, T[]>) => ids.flatMap((id) => map.get(id) ?? []);
        const page: MetricsPage = {
            leads: rows.map((r) => leadFromRecord(r)),
            activities: [
                ...each(tasksOf).map((r) => metricActivityFromRecord(r, 'Task')),
                ...each(eventsOf).map((r) => metricActivityFromRecord(r, 'Event'))
            ],
            campaignMembers: each(membersOf).map((m) => ({
                campaignId: String(m.CampaignId),
                leadId: String(m.LeadId),
                hasResponded: m.HasResponded === true || m.HasResponded === 'true'
            })),
            opportunities: rows
                .map((r) =>
                    opportunityById.get(String(r.ConvertedOpportunityId ?? '').slice(0, 15))
                )
                .filter((o): o is SObjectRecord => Boolean(o))
                .map(metricOpportunityFromRecord),
            reviewEntries: each(entriesOf).map(reviewEntryFromRecord),
            ...(findings ? { findings: each(findingsOf) } : {})
        };
        addLeads(acc, page);
    }
    return {
        metrics: finishMetrics(acc),
        transport,
        leadsRead: leads.length,
        findings: findings ? findings.length : null
    };
}

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const hours = (h: number | null) => (h === null ? '—' : `${h.toFixed(1)} h`);

/** The headline numbers, one row each (the table and the CSV). */
export function metricRows(
    m: LeadLoopMetrics
): { metric: string; value: string; detail: string }[] {
    const r = (metric: string, value: string, detail = '') => ({ metric, value, detail });
    return [
        r('Leads', String(m.leads)),
        r(
            'Follow-up rate',
            pct(m.followUp.touched.rate),
            `${m.followUp.touched.count} of ${m.followUp.touched.of} touched`
        ),
        r(
            `Followed up within ${m.followUp.slaDays} days`,
            pct(m.followUp.withinSla.rate),
            `${m.followUp.withinSla.count} of ${m.followUp.withinSla.of}`
        ),
        r(
            'Speed to first touch (median / p90)',
            `${hours(m.speedToFirstTouch.medianHours)} / ${hours(m.speedToFirstTouch.p90Hours)}`,
            `${m.speedToFirstTouch.leads} leads with a known first touch`
        ),
        r(
            'Qualified, never touched',
            pct(m.qualifiedUntouched.rate),
            `${m.qualifiedUntouched.count} of ${m.qualifiedUntouched.of}`
        ),
        r(
            'Dead (open, no touch in the window)',
            pct(m.dead.rate),
            `${m.dead.count} of ${m.dead.of}`
        ),
        ...m.funnel.map((s) =>
            r(
                `Funnel: ${s.label}`,
                String(s.reached),
                s.leak.total
                    ? `leak ${s.leak.total} (disqualified ${s.leak.disqualified}, dead ${s.leak.dead}, lost ${s.leak.lost}, in progress ${s.leak.inProgress})`
                    : ''
            )
        ),
        r(
            'Hand-back rate (of handed to sales)',
            pct(m.handback.ofHandedToSales.rate),
            `${m.handback.ofHandedToSales.count} of ${m.handback.ofHandedToSales.of}`
        ),
        r('Recycled wins', String(m.recycled.won), `${pct(m.recycled.shareOfWins.rate)} of wins`),
        r(
            'Review coverage',
            pct(m.reviewCoverage.leads.rate),
            `${m.reviewCoverage.leads.count} of ${m.reviewCoverage.leads.of} in scope`
        ),
        r(
            'Process defect rate',
            m.processDefects.audited ? pct(m.processDefects.defective.rate) : '—',
            m.processDefects.audited
                ? `${m.processDefects.defective.count} of ${m.processDefects.defective.of} handed to sales; ${m.processDefects.ppm} ppm`
                : 'not audited (--audit)'
        )
    ];
}
