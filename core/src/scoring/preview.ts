/**
 * Preview of a model over current leads before activating it: the tier distribution and
 * how many leads would change tier against what is stored on them. Fed page by page, so
 * a component can page through leads with GraphQL cursors.
 */
import { TIERS, FIT_GRADES, type FitGrade, type Tier } from '../types';
import type { ScoringModel } from './model';
import { scoreLead, type ScoringInput } from './score';

export interface ScoringPreview {
    total: number;
    byTier: Record<Tier, number>;
    byGrade: Record<FitGrade, number>;
    salesReady: number;
    /** Leads whose new tier differs from the stored one (unscored leads count as changes). */
    changedTier: number;
    /** Leads without a stored tier yet. */
    unscored: number;
    /** `from→to` counts, e.g. `Warm→Hot`; `none` for unscored leads. */
    transitions: Record<string, number>;
}

export function emptyPreview(): ScoringPreview {
    return {
        total: 0,
        byTier: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>,
        byGrade: Object.fromEntries(FIT_GRADES.map((g) => [g, 0])) as Record<FitGrade, number>,
        salesReady: 0,
        changedTier: 0,
        unscored: 0,
        transitions: {}
    };
}

/** Adds a page of leads to a preview (returns a new preview; the input is not changed). */
export function addToPreview(
    preview: ScoringPreview,
    inputs: readonly ScoringInput[],
    model: ScoringModel,
    now: Date
): ScoringPreview {
    const next: ScoringPreview = {
        ...preview,
        byTier: { ...preview.byTier },
        byGrade: { ...preview.byGrade },
        transitions: { ...preview.transitions }
    };
    for (const input of inputs) {
        const result = scoreLead(input, model, now);
        const stored = input?.lead?.tier ?? null;
        next.total += 1;
        next.byTier[result.tier] += 1;
        next.byGrade[result.fitGrade] += 1;
        if (result.salesReady) {
            next.salesReady += 1;
        }
        if (!stored) {
            next.unscored += 1;
        }
        if (stored !== result.tier) {
            next.changedTier += 1;
            const key = `${stored ?? 'none'}→${result.tier}`;
            next.transitions[key] = (next.transitions[key] ?? 0) + 1;
        }
    }
    return next;
}

/** The preview of a model over all the given leads at once. */
export function previewScoringModel(
    inputs: readonly ScoringInput[],
    model: ScoringModel,
    now: Date
): ScoringPreview {
    return addToPreview(emptyPreview(), inputs, model, now);
}

/** A one-line description of a preview for people. */
export function previewSummary(preview: ScoringPreview): string {
    if (preview.total === 0) {
        return 'No leads to preview.';
    }
    const share = (n: number): string => `${Math.round((n / preview.total) * 100)}%`;
    const tiers = TIERS.map((t) => `${t} ${preview.byTier[t]} (${share(preview.byTier[t])})`).join(
        ', '
    );
    return `${preview.total} leads: ${tiers}. ${preview.changedTier} would change tier; ${preview.salesReady} sales-ready.`;
}

/**
 * Groups flat activity / campaign member lists by lead id into scoring inputs (for
 * previews and batch rescoring that read each object separately).
 */
export function groupScoringInputs<L extends { id: string }>(
    leads: readonly L[],
    activities: readonly { whoId: string | null }[],
    campaignMembers: readonly { leadId: string | null; campaignId: string }[],
    campaignNames: Record<string, string> = {}
): ScoringInput[] {
    const acts = new Map<string, unknown[]>();
    for (const a of activities) {
        if (a.whoId) {
            const list = acts.get(a.whoId) ?? [];
            list.push(a);
            acts.set(a.whoId, list);
        }
    }
    const members = new Map<string, unknown[]>();
    for (const m of campaignMembers) {
        if (m.leadId) {
            const list = members.get(m.leadId) ?? [];
            list.push(m);
            members.set(m.leadId, list);
        }
    }
    return leads.map(
        (lead) =>
            ({
                lead,
                activities: acts.get(lead.id) ?? [],
                campaignMembers: members.get(lead.id) ?? [],
                campaignNames
            }) as unknown as ScoringInput
    );
}
