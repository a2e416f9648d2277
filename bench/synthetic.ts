/**
 * Deterministic synthetic leads for the benchmarks (same seed, same leads): each lead
 * with 0–12 activities and 0–3 campaign memberships; and the benchmarks' `--name N` flags.
 * Shared by the scoring and the metrics benchmarks and the metrics tests (random and golden data).
 */
import { seededRandom } from '../localorg/src/seededRandom';
import type {
    Activity,
    CampaignMember,
    Lead,
    MetricFinding,
    MetricOpportunity,
    MetricReviewEntry,
    MetricsPage,
    ScoringInput
} from '../core/src/index';

/** The number after `--name` on the command line (a positive whole number), else `fallback`. */
export function arg(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** A tiny deterministic PRNG (the local org's, for its faults). */
export const rng = seededRandom;

const TITLES = [
    'VP Sales',
    'CEO',
    'Director of IT',
    'Marketing Manager',
    'Analyst',
    'Student',
    'Engineer',
    null
];
const INDUSTRIES = ['Software', 'Banking', 'Retail', 'Healthcare', 'Education', null];
const COUNTRIES = ['United States', 'Germany', 'UK', 'Brazil', 'India', null];
const DOMAINS = ['acme.com', 'gmail.com', 'globex.io', 'test.com', 'hubspot.com', 'initech.de'];
const SOURCES = ['Web', 'Trade Show', 'Purchased List', 'Partner Referral', null];
const SUBJECTS = ['Call', 'Product demo', 'Follow-up email', 'Meeting', 'Sent pricing'];
const TYPES = ['Call', 'Email', 'Meeting', null];

export function generatePool(size: number, now: Date, seed = 42): ScoringInput[] {
    const r = rng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
    const day = 86_400_000;
    const pool: ScoringInput[] = [];
    for (let i = 0; i < size; i++) {
        const id = `00Q${String(i).padStart(15, '0')}`;
        const created = new Date(now.getTime() - Math.floor(r() * 400) * day).toISOString();
        const lead: Lead = {
            id,
            firstName: r() < 0.9 ? 'Ada' : null,
            lastName: `Lead ${i}`,
            company: `Company ${i % 997}`,
            title: pick(TITLES),
            email: r() < 0.95 ? `person${i}@${pick(DOMAINS)}` : null,
            phone: r() < 0.7 ? '+1 555 0100' : null,
            industry: pick(INDUSTRIES),
            numberOfEmployees: r() < 0.8 ? Math.floor(r() * 20_000) : null,
            country: pick(COUNTRIES),
            leadSource: pick(SOURCES),
            status: 'New',
            isConverted: false,
            ownerId: '005000000000001AAA',
            createdDate: created,
            tier: r() < 0.5 ? pick(['Hot', 'Warm', 'Cool', 'Cold'] as const) : null,
            score: r() < 0.5 ? Math.floor(r() * 100) : null
        };
        const activities: Activity[] = [];
        const nActs = Math.floor(r() * 13);
        for (let a = 0; a < nActs; a++) {
            const when = new Date(now.getTime() - Math.floor(r() * 300) * day).toISOString();
            activities.push({
                id: `00T${i}-${a}`,
                kind: r() < 0.8 ? 'Task' : 'Event',
                whoId: id,
                ownerId: '005000000000001AAA',
                subject: pick(SUBJECTS),
                type: pick(TYPES),
                activityDate: when.slice(0, 10),
                status: r() < 0.85 ? 'Completed' : 'Not Started',
                createdDate: when
            });
        }
        const members: CampaignMember[] = [];
        const nMembers = Math.floor(r() * 4);
        for (let m = 0; m < nMembers; m++) {
            const when = new Date(now.getTime() - Math.floor(r() * 200) * day).toISOString();
            const responded = r() < 0.5;
            members.push({
                id: `00v${i}-${m}`,
                campaignId: `701${m}`,
                leadId: id,
                status: responded ? 'Responded' : 'Sent',
                hasResponded: responded,
                firstRespondedDate: responded ? when.slice(0, 10) : null,
                createdDate: when
            });
        }
        pool.push({ lead, activities, campaignMembers: members });
    }
    return pool;
}

const STATUSES = ['New', 'Working - Contacted', 'Qualified', 'Nurturing', 'Unqualified'];
const QUEUE = '00G000000000001AAA';
const CHECKS = ['qualifiedNotWorked', 'ownerInactive', 'duplicateEmail', 'deadAfter90'];

/**
 * Pages of distinct leads with their related records (statuses, owners, conversions,
 * hand-backs, reviews and findings given at random, seeded): the metrics bench's input
 * and the metrics tests' golden data.
 */
export function metricsPages(poolSize: number, pageSize: number, now: Date): MetricsPage[] {
    const r = rng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
    const pool = generatePool(poolSize, now);
    const pages: MetricsPage[] = [];
    for (let start = 0; start < pool.length; start += pageSize) {
        const page = {
            leads: [] as MetricsPage['leads'][number][],
            activities: [] as NonNullable<MetricsPage['activities']>[number][],
            campaignMembers: [] as NonNullable<MetricsPage['campaignMembers']>[number][],
            opportunities: [] as MetricOpportunity[],
            reviewEntries: [] as MetricReviewEntry[],
            findings: [] as MetricFinding[]
        };
        for (const input of pool.slice(start, start + pageSize)) {
            const converted = r() < 0.08;
            const handedBack = r() < 0.07;
            const lead = {
                ...input.lead,
                status: pick(STATUSES),
                ownerId: r() < 0.1 ? QUEUE : input.lead.ownerId,
                leadSource: pick(['Web', 'Trade Show', 'Webinar', 'Partner Referral', null]),
                isConverted: converted,
                convertedOpportunityId: converted ? `006${input.lead.id.slice(3)}` : null,
                handedBackAt: handedBack ? now.toISOString() : null,
                handbackReason: handedBack
                    ? pick(['No_Budget', 'Not_Ready', 'No_Response'] as const)
                    : null,
                salesReady: r() < 0.3,
                lastReviewed: r() < 0.3 ? now.toISOString() : null
            };
            page.leads.push(lead);
            page.activities.push(...input.activities);
            page.campaignMembers.push(...input.campaignMembers);
            if (converted) {
                page.opportunities.push({
                    id: lead.convertedOpportunityId!,
                    isWon: r() < 0.4,
                    isClosed: r() < 0.7,
                    amount: Math.floor(r() * 100) * 1000
                });
            }
            if (r() < 0.2) {
                page.reviewEntries.push({
                    leadId: lead.id,
                    meetingId: 'M1',
                    reviewedAt: now.toISOString()
                });
            }
            if (r() < 0.25) {
                page.findings.push({ leadId: lead.id, checkId: pick(CHECKS), severity: 'high' });
            }
        }
        pages.push(page);
    }
    return pages;
}
