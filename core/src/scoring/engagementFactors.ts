/**
 * Engagement: what the lead did recently (completed activities, campaign responses, lead
 * source), each event decaying with the model's half-life and grouped per rule into one
 * bucket, then capped per category.
 */
import { MS_PER_DAY } from '../dates';
import { containsAny, type CompiledModel } from './compiledModel';
import { epochOf, normalizeValue, normalizeWords, text } from './leadValues';
import { ENGAGEMENT_CATEGORIES, type EngagementCategory } from './model';
import { round1, signed, type Bucket, type Factor } from './reasons';
import type { ScoringInput } from './scoreTypes';

interface EventContext {
    nowMs: number;
    maxAgeMs: number;
    decayPerDay: number;
    buckets: Bucket[];
    /** Decayed points per category, in ENGAGEMENT_CATEGORIES order. */
    sums: [number, number, number];
}

function addEventTo(
    ctx: EventContext,
    category: EngagementCategory,
    id: string,
    label: string,
    points: number,
    eventDate: unknown,
    what: string
): void {
    const eventMs = epochOf(eventDate);
    if (!Number.isFinite(eventMs) || !Number.isFinite(points) || points === 0) {
        return;
    }
    const ageMs = ctx.nowMs - eventMs;
    if (ageMs < 0 || ageMs > ctx.maxAgeMs) {
        return; // not happened yet, or too old to count
    }
    const decayed = points * Math.exp((-ctx.decayPerDay * ageMs) / MS_PER_DAY);
    ctx.sums[category === 'activity' ? 0 : category === 'campaign' ? 1 : 2] += decayed;
    let bucket: Bucket | undefined;
    for (const b of ctx.buckets) {
        if (b.id === id) {
            bucket = b;
            break;
        }
    }
    if (!bucket) {
        bucket = {
            id,
            label,
            category,
            points: 0,
            count: 0,
            latestMs: eventMs,
            latestDate: eventDate as string,
            what
        };
        ctx.buckets.push(bucket);
    }
    bucket.points += decayed;
    bucket.count += 1;
    if (eventMs > bucket.latestMs) {
        bucket.latestMs = eventMs;
        bucket.latestDate = eventDate as string;
        bucket.what = what;
    }
}

/**
 * Adds the engagement factors of a lead to `out` (one per rule, decayed, plus cap cuts);
 * returns the decayed, capped engagement points.
 */
export function engagementFactors(
    c: CompiledModel,
    input: ScoringInput,
    lead: Record<string, unknown>,
    nowMs: number,
    out: Factor[]
): number {
    const eng = c.model.engagement;
    const maxAgeMs = eng.maxAgeDays === null ? Infinity : eng.maxAgeDays * MS_PER_DAY;

    const ctx: EventContext = {
        nowMs,
        maxAgeMs,
        decayPerDay: c.decayPerDay,
        buckets: [],
        sums: [0, 0, 0]
    };

    const activities = Array.isArray(input.activities) ? input.activities : [];
    for (const a of activities) {
        if (!a || typeof a !== 'object') {
            continue;
        }
        const status = normalizeValue(a.status);
        if (a.kind !== 'Event' && status !== '' && status !== 'completed') {
            continue; // open tasks are plans, not engagement
        }
        const subjectWords = normalizeWords(a.subject);
        const type = normalizeValue(a.type);
        for (const r of c.activities) {
            if (r.rule.kind && r.rule.kind !== a.kind) {
                continue;
            }
            if (r.types && !r.types.has(type)) {
                continue;
            }
            if (r.subject && !containsAny(subjectWords, r.subject)) {
                continue;
            }
            addEventTo(
                ctx,
                'activity',
                r.rule.id,
                r.rule.label,
                r.rule.points,
                Number.isFinite(epochOf(a.activityDate)) ? a.activityDate : a.createdDate,
                text(a.subject).trim() || r.rule.label
            );
            break;
        }
    }

    const members = Array.isArray(input.campaignMembers) ? input.campaignMembers : [];
    for (const m of members) {
        if (!m || typeof m !== 'object') {
            continue;
        }
        const name = text(input.campaignNames?.[text(m.campaignId)]) || 'a campaign';
        if (m.hasResponded === true) {
            addEventTo(
                ctx,
                'campaign',
                'campaign-response',
                'Campaign response',
                eng.campaign.respondedPoints,
                Number.isFinite(epochOf(m.firstRespondedDate))
                    ? m.firstRespondedDate
                    : m.createdDate,
                name
            );
        } else {
            addEventTo(
                ctx,
                'campaign',
                'campaign-member',
                'Campaign member',
                eng.campaign.memberPoints,
                m.createdDate,
                name
            );
        }
    }

    const source = normalizeValue(lead.leadSource);
    if (source) {
        for (const r of c.sources) {
            if (r.values.has(source)) {
                addEventTo(
                    ctx,
                    'source',
                    r.rule.id,
                    r.rule.label,
                    r.rule.points,
                    lead.createdDate,
                    text(lead.leadSource).trim()
                );
                break;
            }
        }
    }

    for (const b of ctx.buckets) {
        const points = round1(b.points);
        if (points !== 0) {
            out.push({
                id: b.id,
                dimension: 'engagement',
                label: b.label,
                points,
                text: '',
                bucket: b
            });
        }
    }

    let total = 0;
    for (let i = 0; i < ENGAGEMENT_CATEGORIES.length; i++) {
        const category = ENGAGEMENT_CATEGORIES[i];
        const cap = eng.caps[category];
        let value = ctx.sums[i];
        if (value > cap) {
            const cut = round1(cap - value);
            if (cut !== 0) {
                out.push({
                    id: `cap-${category}`,
                    dimension: 'engagement',
                    label: `${category} cap`,
                    points: cut,
                    text: `${category[0].toUpperCase()}${category.slice(1)} points are capped at ${cap}: ${signed(cut)} engagement.`
                });
            }
            value = cap;
        }
        total += value;
    }
    return total < 0 ? 0 : total;
}
