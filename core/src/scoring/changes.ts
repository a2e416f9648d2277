/**
 * What a scoring result changes on the stored lead. Compares at the precision the fields
 * store (LL_Score__c Number(3,0), LL_Engagement__c Number(6,1)) and the reasons JSON
 * canonically, so a re-run over unchanged leads writes nothing: `scoredAt` alone is not a
 * change.
 */
import { TIERS, type Lead } from '../types';
import type { ScoreReason, ScoreResult } from './score';

function storedNumber(value: unknown, decimals: number): number | null {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
        return null;
    }
    const f = 10 ** decimals;
    const r = Math.round(n * f) / f;
    return Object.is(r, -0) ? 0 : r;
}

function canonical(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(canonical);
    }
    if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value as Record<string, unknown>).sort()) {
            out[key] = canonical((value as Record<string, unknown>)[key]);
        }
        return out;
    }
    return value;
}

/** The reasons as stored on the lead (LL_Score_Reasons__c): canonical JSON (sorted keys). */
export function serializeReasons(reasons: readonly ScoreReason[]): string {
    // The fixed shape, keys in sorted order: the same text `canonical` would give, faster.
    return JSON.stringify(
        reasons.map((r) => ({
            dimension: r.dimension,
            id: r.id,
            label: r.label,
            points: r.points,
            text: r.text
        }))
    );
}

/** Parses stored reasons; [] for empty or invalid JSON (never throws). */
export function parseReasons(stored: unknown): ScoreReason[] {
    if (typeof stored !== 'string' || !stored.trim()) {
        return [];
    }
    try {
        const parsed: unknown = JSON.parse(stored);
        if (!Array.isArray(parsed)) {
            return [];
        }
        return parsed
            .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
            .map((r) => ({
                id: typeof r.id === 'string' ? r.id : '',
                dimension: r.dimension === 'engagement' ? 'engagement' : 'fit',
                label: typeof r.label === 'string' ? r.label : '',
                points: typeof r.points === 'number' && Number.isFinite(r.points) ? r.points : 0,
                text: typeof r.text === 'string' ? r.text : ''
            }));
    } catch {
        return [];
    }
}

function sameReasons(stored: unknown, next: string): boolean {
    if (typeof stored !== 'string' || !stored.trim()) {
        return false;
    }
    if (stored === next) {
        return true; // as written by serializeReasons
    }
    try {
        return JSON.stringify(canonical(JSON.parse(stored))) === next;
    } catch {
        return false;
    }
}

/**
 * The Lead fields to write for a result (with `id`), or null when nothing stored would
 * change. `previousScore` / `previousTier` are set only when the score / tier change and a
 * previous value exists.
 */
export function scoreFieldChanges(
    lead: Lead,
    result: ScoreResult,
    modelVersion: number,
    now: Date
): Partial<Lead> | null {
    const reasons = serializeReasons(result.reasons);
    const score = storedNumber(result.score, 0) ?? 0;
    const engagement = storedNumber(result.engagement, 1) ?? 0;
    const oldScore = storedNumber(lead.score, 0);
    const oldEngagement = storedNumber(lead.engagement, 1);
    const oldVersion = storedNumber(lead.modelVersion, 0);
    const scoreChanged = oldScore !== score;
    const tierChanged = (lead.tier ?? null) !== result.tier;
    const changed =
        scoreChanged ||
        tierChanged ||
        oldEngagement !== engagement ||
        (lead.fitGrade ?? null) !== result.fitGrade ||
        (lead.salesReady ?? null) !== result.salesReady ||
        (lead.scoreSummary ?? null) !== result.summary ||
        oldVersion !== modelVersion ||
        !sameReasons(lead.scoreReasons, reasons);
    if (!changed) {
        return null;
    }
    const out: Partial<Lead> = {
        id: lead.id,
        score,
        fitGrade: result.fitGrade,
        engagement,
        tier: result.tier,
        salesReady: result.salesReady,
        scoreReasons: reasons,
        scoreSummary: result.summary,
        scoredAt: now.toISOString(),
        modelVersion
    };
    if (scoreChanged && oldScore !== null) {
        out.previousScore = oldScore;
    }
    if (tierChanged && lead.tier && (TIERS as readonly string[]).includes(lead.tier)) {
        out.previousTier = lead.tier;
    }
    return out;
}
