/**
 * The funnel from GraphQL aggregate queries instead of every lead: one request
 * of aliased `uiapi { aggregate { Lead(groupBy, where) } }` subqueries. Each
 * subquery is one partition of the leads by facts a group cannot carry
 * (owner a queue, touched, handed back, dead, the converted opportunity's
 * outcome), grouped by the picklists and flags the metrics read. The rows
 * become `LeadGroup`s for `addLeadGroups`.
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
            for (const outcome of ['won', 'lost', 'open'] as const) {
                const opp: FilterObject =
                    outcome === 'won'
                        ? { ConvertedOpportunity: { IsWon: { eq: true } } }
                        : outcome === 'lost'
                          ? {
                                ConvertedOpportunity: {
                                    IsClosed: { eq: true },
                                    IsWon: { eq: false }
                                }
                            }
                          : {
                                or: [
                                    eq('ConvertedOpportunityId', null),
                                    { ConvertedOpportunity: { IsClosed: { eq: false } } }
                                ]
                            };
                out.push({
                    facts: {
                        touched,
                        handedBack,
                        isConverted: true,
                        ownerIsQueue: false,
                        won: outcome === 'won',
                        lost: outcome === 'lost'
                    },
                    where: [eq('IsConverted', true), touch, back, opp]
                });
            }
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

const groupBy = `{ ${Object.values(GROUPED)
    .map((f) => `${f}: { group: true }`)
    .join(', ')} }`;
const selection = `
    edges { node { aggregate {
        ${Object.values(GROUPED)
            .map((f) => `${f} { value }`)
            .join(' ')}
        Id { count { value } }
        ConvertedOpportunity { Amount { sum { value } } }
    } } }
    pageInfo { hasNextPage }`;

/**
 * The GraphQL document (variables `$deadBefore: Date`, `$deadBeforeTime:
 * DateTime` from `funnelAggregateVariables`).
 */
export const FUNNEL_AGGREGATE_QUERY = `query leadLoopFunnel($deadBefore: Date, $deadBeforeTime: DateTime) {
    uiapi {
        aggregate {
${FUNNEL_PARTITIONS.map(
    (p, i) =>
        `            p${i}: Lead(groupBy: ${groupBy}, where: { and: ${filterText(p.where)} }, first: ${GROUP_LIMIT}) {${selection} }`
).join('\n')}
        }
    }
}`;

/** The dead-lead cut-offs for `now`: touched on or before a date, created on or before a time. */
export function funnelAggregateVariables(
    settings: Pick<LeadLoopSettings, 'deadAfterDays'>,
    now: Date
): { deadBefore: string; deadBeforeTime: string } {
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

/**
 * LeadGroups from the answer's `data` (`{ uiapi: { aggregate: { p0: ..., p1: ... } } }`).
 * Throws with the partition named when the answer lacks one or has too many groups.
 */
export function leadGroupsFromAggregates(data: unknown, settings: LeadLoopSettings): LeadGroup[] {
    const map = statusMap(settings);
    const aggregate = (data as { uiapi?: { aggregate?: Record<string, AggregateConnection> } })
        ?.uiapi?.aggregate;
    if (!aggregate || typeof aggregate !== 'object')
        throw new Error('The funnel answer has no uiapi.aggregate.');
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
            const amount = (
                a.ConvertedOpportunity as { Amount?: { sum?: AggregateValue } } | undefined
            )?.Amount?.sum?.value;
            const status = String(value(GROUPED.status) ?? '');
            groups.push({
                ...p.facts,
                // Only open leads die (disqualified or nurtured ones are not dead).
                dead: p.facts.dead === true && isOpen(status, false, map),
                count: count as number,
                status,
                salesReady: value(GROUPED.salesReady) === true,
                leadSource: textOf(value(GROUPED.leadSource)),
                tier: textOf(value(GROUPED.tier)),
                handbackReason: textOf(value(GROUPED.handbackReason)),
                wonAmount: p.facts.won ? Number(amount) || 0 : 0
            });
        }
    });
    return groups;
}

/** Finished metrics from the aggregate answer's `data` (what the funnel page and summary show). */
export function funnelMetricsFromAggregates(
    data: unknown,
    settings: LeadLoopSettings,
    now: Date
): LeadLoopMetrics {
    const acc = emptyMetrics({ settings, now });
    return finishMetrics(addLeadGroups(acc, leadGroupsFromAggregates(data, settings)));
}
