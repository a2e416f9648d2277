/**
 * The funnel from GraphQL aggregate queries instead of every lead: aliased
 * `uiapi { aggregate { Lead(groupBy, where) } }` subqueries, at most
 * MAX_SUBQUERIES_PER_REQUEST per request (the platform's limit: "Each GraphQL query
 * can contain up to 10 subqueries", GraphQL API Developer Guide, Query Limitations,
 * developer.salesforce.com/docs/platform/graphql/guide/query-limits.html), so the
 * 28 partitions take 3 requests, sent in parallel. Each subquery is one partition of
 * the leads by facts a group cannot carry (owner a queue, touched, handed back, dead),
 * grouped by the picklists and flags the metrics read (and, for converted leads, by
 * the converted opportunity's IsWon and IsClosed). The rows become `LeadGroup`s for
 * `addLeadGroups`.
 *
 * What aggregates cannot give (the first touch time from activities, so the
 * speed to first touch and the follow-up SLA; touches known only from Task and
 * Event, not LastActivityDate) stays out, as `addLeadGroups` documents.
 */
import { MS_PER_DAY } from '../dates';
import { LEAD_FIELDS } from '../schema';
import type { LeadLoopSettings } from '../types';
import { addLeadGroups, emptyMetrics, type LeadGroup } from './accumulate';
import { finishMetrics } from './finish';
import type { LeadLoopMetrics } from './types';
import { isOpen, statusMap } from './facts';

/** Grouped in every subquery: the values a LeadGroup takes from the row. */
const GROUPED = {
    status: LEAD_FIELDS.status,
    salesReady: LEAD_FIELDS.salesReady,
    leadSource: LEAD_FIELDS.leadSource,
    tier: LEAD_FIELDS.tier,
    handbackReason: LEAD_FIELDS.handbackReason
} as const;

/** A GraphQL filter written as data (constants and `$variables` only; never input). */
type FilterValue = string | number | boolean | null | { $var: string } | FilterObject;
interface FilterObject {
    [key: string]: FilterValue | FilterValue[];
}

interface Partition {
    facts: Omit<LeadGroup, 'count' | 'status'>;
    where: FilterObject[];
    /** Grouped by the converted opportunity's outcome too (converted leads). */
    groupOpportunity?: boolean;
}

const ne = (field: string): FilterObject => ({ [field]: { ne: null } });
const eq = (field: string, value: FilterValue): FilterObject => ({ [field]: { eq: value } });
const QUEUE: FilterObject = { OwnerId: { like: '00G%' } };
const HANDED_BACK: FilterObject = {
    or: [ne(LEAD_FIELDS.handedBackAt), { [LEAD_FIELDS.handbackCount]: { gt: 0 } }]
};
const TOUCHED = ne('LastActivityDate');
// Dead: open and no touch (or no creation, untouched) within deadAfterDays; see leadFacts.
const STALE_TOUCHED = { LastActivityDate: { lte: { value: { $var: 'deadBefore' } } } };
const STALE_UNTOUCHED = { CreatedDate: { lte: { value: { $var: 'deadBeforeTime' } } } };

const both = <T>(on: T, off: T) => [on, off] as const;
const not = (f: FilterObject): FilterObject => ({ not: f });

function partitions(): Partition[] {
    const out: Partition[] = [];
    const owners = [
        { facts: { ownerIsQueue: false, hasPreviousOwner: false }, where: [not(QUEUE)] },
        {
            facts: { ownerIsQueue: true, hasPreviousOwner: true },
            where: [QUEUE, ne(LEAD_FIELDS.previousOwnerId)]
        },
        {
            facts: { ownerIsQueue: true, hasPreviousOwner: false },
            where: [QUEUE, eq(LEAD_FIELDS.previousOwnerId, null)]
        }
    ];
    for (const touched of both(true, false)) {
        const touch = touched ? TOUCHED : eq('LastActivityDate', null);
        for (const handedBack of both(true, false)) {
            const back = handedBack ? HANDED_BACK : not(HANDED_BACK);
            // Open leads' staleness matters (dead); closed ones count as not dead.
            for (const owner of owners) {
                for (const dead of both(true, false)) {
                    const stale = touched ? STALE_TOUCHED : STALE_UNTOUCHED;
                    out.push({
                        facts: { ...owner.facts, touched, handedBack, isConverted: false, dead },
                        where: [eq('IsConverted', false), touch, back, ...owner.where].concat(
                            dead ? [stale] : [not(stale)]
                        )
                    });
                }
            }
            // Won, lost or open: the converted opportunity's IsWon and IsClosed are grouped.
            out.push({
                facts: { touched, handedBack, isConverted: true, ownerIsQueue: false },
                where: [eq('IsConverted', true), touch, back],
                groupOpportunity: true
            });
        }
    }
    return out;
}

/** The partitions, in alias order (`p0`, `p1`, ...). */
export const FUNNEL_PARTITIONS: readonly Partition[] = partitions();

const GROUP_LIMIT = 2000;

function filterText(value: FilterValue | FilterValue[]): string {
    if (Array.isArray(value)) return `[${value.map(filterText).join(', ')}]`;
    if (value === null) return 'null';
    if (typeof value !== 'object') return JSON.stringify(value);
    if ('$var' in value) return `$${String(value.$var)}`;
    return `{ ${Object.entries(value)
        .map(([k, v]) => `${k}: ${filterText(v)}`)
        .join(', ')} }`;
}

/** The platform's limit of subqueries in one GraphQL query (see the top of this file). */
export const MAX_SUBQUERIES_PER_REQUEST = 10;

const OPPORTUNITY_GROUP =
    'ConvertedOpportunity: { IsWon: { group: true }, IsClosed: { group: true } }';
const groupBy = (p: Partition) =>
    `{ ${[
        ...Object.values(GROUPED).map((f) => `${f}: { group: true }`),
        ...(p.groupOpportunity ? [OPPORTUNITY_GROUP] : [])
    ].join(', ')} }`;
const selection = (p: Partition) => `
    edges { node { aggregate {
        ${Object.values(GROUPED)
            .map((f) => `${f} { value }`)
            .join(' ')}
        Id { count { value } }
        ConvertedOpportunity { ${p.groupOpportunity ? 'IsWon { value } IsClosed { value } ' : ''}Amount { sum { value } } }
    } } }
    pageInfo { hasNextPage }`;

const VARIABLE_TYPES = { deadBefore: 'Date', deadBeforeTime: 'DateTime' } as const;
type FunnelVariables = Record<keyof typeof VARIABLE_TYPES, string>;

/** One request of the funnel: its GraphQL document and the variables it declares. */
export interface FunnelAggregateRequest {
    query: string;
    variableNames: (keyof typeof VARIABLE_TYPES)[];
}

function request(n: number, first: number, parts: readonly Partition[]): FunnelAggregateRequest {
    const subqueries = parts.map((p, i) => {
        const where = filterText(p.where);
        return `            p${first + i}: Lead(groupBy: ${groupBy(p)}, where: { and: ${where} }, first: ${GROUP_LIMIT}) {${selection(p)} }`;
    });
    const text = subqueries.join('\n');
    // Only the variables a request uses are declared (an unused one is a GraphQL error).
    const variableNames = (Object.keys(VARIABLE_TYPES) as (keyof typeof VARIABLE_TYPES)[]).filter(
        (v) => new RegExp(`\\$${v}\\b`).test(text)
    );
    const declared = variableNames.map((v) => `$${v}: ${VARIABLE_TYPES[v]}`).join(', ');
    return {
        query: `query leadLoopFunnel${n}${declared ? `(${declared})` : ''} {
    uiapi {
        aggregate {
${text}
        }
    }
}`,
        variableNames
    };
}

/**
 * The funnel's requests: the partitions in alias order (`p0`, `p1`, ...), at most
 * MAX_SUBQUERIES_PER_REQUEST subqueries each; their answers together are what
 * `funnelMetricsFromAggregates` reads.
 */
export const FUNNEL_AGGREGATE_REQUESTS: readonly FunnelAggregateRequest[] = (() => {
    const out: FunnelAggregateRequest[] = [];
    for (let first = 0; first < FUNNEL_PARTITIONS.length; first += MAX_SUBQUERIES_PER_REQUEST) {
        const parts = FUNNEL_PARTITIONS.slice(first, first + MAX_SUBQUERIES_PER_REQUEST);
        out.push(request(out.length, first, parts));
    }
    return out;
})();

/** The GraphQL documents of FUNNEL_AGGREGATE_REQUESTS. */
export const FUNNEL_AGGREGATE_QUERIES: readonly string[] = FUNNEL_AGGREGATE_REQUESTS.map(
    (r) => r.query
);

/** The variables of each request for `now` (what its document declares). */
export function funnelRequestVariables(
    settings: Pick<LeadLoopSettings, 'deadAfterDays'>,
    now: Date
): Partial<FunnelVariables>[] {
    const all = funnelAggregateVariables(settings, now);
    return FUNNEL_AGGREGATE_REQUESTS.map((r) =>
        Object.fromEntries(r.variableNames.map((v) => [v, all[v]]))
    );
}

/** The dead-lead cut-offs for `now`: touched on or before a date, created on or before a time. */
export function funnelAggregateVariables(
    settings: Pick<LeadLoopSettings, 'deadAfterDays'>,
    now: Date
): FunnelVariables {
    const cutoff = new Date(now.getTime() - settings.deadAfterDays * MS_PER_DAY);
    return { deadBefore: cutoff.toISOString().slice(0, 10), deadBeforeTime: cutoff.toISOString() };
}

interface AggregateValue {
    value?: unknown;
}
type AggregateNode = Record<string, AggregateValue | Record<string, unknown> | undefined>;
interface AggregateConnection {
    edges?: { node?: { aggregate?: AggregateNode } }[];
    pageInfo?: { hasNextPage?: boolean };
}

const textOf = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

type AggregateAnswer = { uiapi?: { aggregate?: Record<string, AggregateConnection> } } | null;

/** The `uiapi.aggregate` of one answer, or of several (one per request) merged. */
function aggregatesOf(answers: unknown): Record<string, AggregateConnection> {
    const list = (Array.isArray(answers) ? answers : [answers]) as AggregateAnswer[];
    const merged: Record<string, AggregateConnection> = {};
    for (const [i, data] of list.entries()) {
        const aggregate = data?.uiapi?.aggregate;
        if (!aggregate || typeof aggregate !== 'object')
            throw new Error(
                `The funnel answer${list.length > 1 ? ` ${i + 1}` : ''} has no uiapi.aggregate.`
            );
        Object.assign(merged, aggregate);
    }
    return merged;
}

/**
 * LeadGroups from the answers' `data` (`{ uiapi: { aggregate: { p0: ..., p1: ... } } }`),
 * one per request of FUNNEL_AGGREGATE_REQUESTS (or one answer holding every partition).
 * Throws with the partition named when the answers lack one or it has too many groups.
 */
export function leadGroupsFromAggregates(
    answers: unknown,
    settings: LeadLoopSettings
): LeadGroup[] {
    const map = statusMap(settings);
    const aggregate = aggregatesOf(answers);
    const groups: LeadGroup[] = [];
    FUNNEL_PARTITIONS.forEach((p, i) => {
        const conn = aggregate[`p${i}`];
        if (!conn || !Array.isArray(conn.edges))
            throw new Error(`The funnel answer lacks the aggregate p${i}.`);
        if (conn.pageInfo?.hasNextPage)
            throw new Error(
                `The funnel aggregate p${i} has more than ${GROUP_LIMIT} groups; narrow the picklists.`
            );
        for (const [row, edge] of conn.edges.entries()) {
            const a = edge.node?.aggregate;
            const count = (a?.Id as { count?: AggregateValue } | undefined)?.count?.value;
            if (!a || !Number.isInteger(count))
                throw new Error(`Row ${row + 1} of the funnel aggregate p${i} has no count.`);
            const value = (field: string) => (a[field] as AggregateValue | undefined)?.value;
            const opp = a.ConvertedOpportunity as
                | {
                      Amount?: { sum?: AggregateValue };
                      IsWon?: AggregateValue;
                      IsClosed?: AggregateValue;
                  }
                | undefined;
            const amount = opp?.Amount?.sum?.value;
            const outcome = p.groupOpportunity
                ? {
                      won: opp?.IsWon?.value === true,
                      lost: opp?.IsClosed?.value === true && opp?.IsWon?.value !== true
                  }
                : {};
            const status = String(value(GROUPED.status) ?? '');
            const facts = { ...p.facts, ...outcome };
            groups.push({
                ...facts,
                // Only open leads die (disqualified or nurtured ones are not dead).
                dead: p.facts.dead === true && isOpen(status, false, map),
                count: count as number,
                status,
                salesReady: value(GROUPED.salesReady) === true,
                leadSource: textOf(value(GROUPED.leadSource)),
                tier: textOf(value(GROUPED.tier)),
                handbackReason: textOf(value(GROUPED.handbackReason)),
                wonAmount: facts.won ? Number(amount) || 0 : 0
            });
        }
    });
    return groups;
}

/**
 * Finished metrics from the aggregate answers' `data`, one per request (what the funnel
 * page and summary show).
 */
export function funnelMetricsFromAggregates(
    answers: unknown,
    settings: LeadLoopSettings,
    now: Date
): LeadLoopMetrics {
    const acc = emptyMetrics({ settings, now });
    return finishMetrics(addLeadGroups(acc, leadGroupsFromAggregates(answers, settings)));
}
