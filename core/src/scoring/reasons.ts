/**
 * Explaining a score: the factors behind it (fit rule hits, engagement buckets, cap cuts),
 * their sentences, their order and the one-line summary a rep reads.
 */
import type { FitGrade, Tier } from '../types';
import { dateLabel } from './leadValues';
import type { EngagementBand, EngagementCategory } from './model';
import type { ReasonDimension, ScoreReason } from './scoreTypes';

/** A factor before it becomes a reason. */
export interface Factor {
    id: string;
    dimension: ReasonDimension;
    label: string;
    points: number;
    /** The sentence; for engagement built only for the reasons kept (see `bucket`). */
    text: string;
    bucket?: Bucket;
}

/** The events of one engagement rule, decayed and summed; the latest one is named. */
export interface Bucket {
    id: string;
    label: string;
    category: EngagementCategory;
    points: number;
    count: number;
    latestMs: number;
    latestDate: string;
    what: string;
}

/** Points rounded to one decimal, never -0. */
export function round1(n: number): number {
    const r = Math.round(n * 10) / 10;
    return Object.is(r, -0) ? 0 : r;
}

/** Points with their sign, as the sentences show them ("+10", "-5"). */
export function signed(points: number): string {
    return points > 0 ? `+${points}` : String(points);
}

/** The sentence of an engagement bucket, built only for the reasons kept. */
export function bucketText(b: Bucket, points: number): string {
    const when = dateLabel(b.latestMs, b.latestDate);
    if (b.category === 'campaign') {
        return b.count === 1
            ? `${b.label}: ${b.what} (${when}): ${signed(points)} engagement.`
            : `${b.label} ×${b.count}, latest ${b.what} (${when}): ${signed(points)} engagement.`;
    }
    if (b.category === 'source') {
        return `Came in through ${b.what} (${when}): ${signed(points)} engagement.`;
    }
    return b.count === 1
        ? `${b.label}: "${b.what}" (${when}): ${signed(points)} engagement.`
        : `${b.label} ×${b.count}, latest "${b.what}" (${when}): ${signed(points)} engagement.`;
}

const BAND_WORDS: Record<EngagementBand, string> = {
    High: 'high engagement',
    Medium: 'medium engagement',
    Low: 'low engagement',
    None: 'no recent engagement'
};

/** Strongest factor first (by absolute points), then by id so ties are stable. */
export function byStrength(a: Factor, b: Factor): number {
    const d = Math.abs(b.points) - Math.abs(a.points);
    if (d !== 0) {
        return d;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const SUMMARY_MAX = 255;

/** One line for the lead: tier, grade, band, the two strongest ups and the strongest down. */
export function summaryFor(
    tier: Tier,
    grade: FitGrade,
    band: EngagementBand,
    salesReady: boolean,
    reasons: readonly ScoreReason[]
): string {
    const head = `${tier}${salesReady ? ', sales-ready' : ''}: fit ${grade}, ${BAND_WORDS[band]}.`;
    let up = '';
    let down = '';
    let ups = 0;
    for (const r of reasons) {
        if (r.points > 0 && ups < 2) {
            up = ups === 0 ? r.label : `${up}, ${r.label}`;
            ups += 1;
        } else if (r.points < 0 && !down) {
            down = r.label;
        }
    }
    let sentence = head;
    if (up) {
        sentence += ` Up: ${up}.`;
    }
    if (down) {
        sentence += ` Down: ${down}.`;
    }
    return sentence.length > SUMMARY_MAX ? `${sentence.slice(0, SUMMARY_MAX - 1)}…` : sentence;
}
