/**
 * Scores one lead with a scoring model: fit grade × decaying engagement → tier, with the
 * reasons. Pure and deterministic: the clock is an argument, and the same inputs always
 * give the same result. Never throws and never returns NaN, whatever the lead holds
 * (hidden fields, nulls, garbage strings, invalid dates).
 *
 * The parts: fitFactors and engagementFactors find the factors, tiers turns points into a
 * grade and band, reasons orders and words them.
 */
import { compile } from './compiledModel';
import { engagementFactors } from './engagementFactors';
import { fitFactors } from './fitFactors';
import type { ScoringModel } from './model';
import { bucketText, byStrength, round1, summaryFor, type Factor } from './reasons';
import type { ScoreReason, ScoreResult, ScoringInput } from './scoreTypes';
import { bandFor, gradeFor } from './tiers';

export type { ReasonDimension, ScoreReason, ScoreResult, ScoringInput } from './scoreTypes';
export { bandFor, gradeFor } from './tiers';
export { normalizeWords } from './leadValues';

function clamp(n: number, lo: number, hi: number): number {
    return n < lo ? lo : n > hi ? hi : n;
}

/**
 * Scores a lead. `now` is the clock for decay (pass the same `now` to get the same result).
 * Fields the lead does not carry (not queried, hidden by field-level security) count as
 * unknown: no points either way.
 */
export function scoreLead(input: ScoringInput, model: ScoringModel, now: Date): ScoreResult {
    const c = compile(model);
    const safeInput: ScoringInput =
        input && typeof input === 'object'
            ? input
            : ({ lead: {}, activities: [], campaignMembers: [] } as unknown as ScoringInput);
    const lead = (
        safeInput.lead && typeof safeInput.lead === 'object' ? safeInput.lead : {}
    ) as Record<string, unknown>;
    const nowMs = now instanceof Date && Number.isFinite(now.getTime()) ? now.getTime() : 0;

    const factors: Factor[] = [];
    const fitPoints = round1(fitFactors(c, lead, factors));
    const engagement = round1(engagementFactors(c, safeInput, lead, nowMs, factors));

    const fitGrade = gradeFor(fitPoints, model.grades);
    const engagementBand = bandFor(engagement, model.bands);
    const tier = model.matrix[fitGrade]?.[engagementBand] ?? 'Cold';
    const salesReady = model.salesReadyTiers.includes(tier);

    const wf = model.scoreWeights.fit;
    const we = model.scoreWeights.engagement;
    const weights = wf + we;
    const blended =
        weights > 0
            ? (clamp(fitPoints, 0, 100) * wf + clamp(engagement, 0, 100) * we) / weights
            : 0;
    const score = Number.isFinite(blended) ? Math.round(blended) : 0;

    factors.sort(byStrength);
    const keep = Math.min(factors.length, Math.max(0, model.maxReasons));
    const reasons: ScoreReason[] = new Array(keep);
    for (let i = 0; i < keep; i++) {
        const f = factors[i];
        const points = round1(f.points);
        reasons[i] = {
            dimension: f.dimension,
            id: f.id,
            label: f.label,
            points,
            text: f.bucket ? bucketText(f.bucket, points) : f.text
        };
    }
    return {
        score,
        fitGrade,
        fitPoints,
        engagement,
        engagementBand,
        tier,
        salesReady,
        reasons,
        summary: summaryFor(tier, fitGrade, engagementBand, salesReady, reasons)
    };
}
