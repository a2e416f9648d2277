/**
 * Validates how a scoring model turns points into tiers: grade thresholds (`grades`),
 * engagement bands (`bands`), the tier matrix (`matrix`) and the sales-ready tiers, so no
 * cell is impossible (a better grade or more engagement never gives a colder tier).
 */
import { FIT_GRADES, TIERS, type FitGrade, type Tier } from '../types';
import { ENGAGEMENT_BANDS } from './model';
import {
    type Checker,
    checkRanges,
    describe,
    join,
    type Obj,
    type RangeToCheck
} from './modelChecker';

const TIER_RANK: Record<Tier, number> = { Hot: 3, Warm: 2, Cool: 1, Cold: 0 };

/** Checks `grades`: A above B above C. */
export function checkGrades(c: Checker, value: unknown): void {
    const grades = c.object(value, 'grades', 'Grade thresholds', ['A', 'B', 'C']);
    if (grades) {
        const a = c.number(grades.A, 'grades.A', 'Grade A minimum fit points', -1000, 1000);
        const b = c.number(grades.B, 'grades.B', 'Grade B minimum fit points', -1000, 1000);
        const cc = c.number(grades.C, 'grades.C', 'Grade C minimum fit points', -1000, 1000);
        if (a !== null && b !== null && a <= b) {
            c.fail('grades.B', 'grade-order', `Grade thresholds: B (${b}) must be below A (${a}).`);
        }
        if (b !== null && cc !== null && b <= cc) {
            c.fail(
                'grades.C',
                'grade-order',
                `Grade thresholds: C (${cc}) must be below B (${b}).`
            );
        }
    }
}

/** Checks `bands`: every band once, covering 0 to infinity without overlaps, in order. */
export function checkBands(c: Checker, value: unknown): void {
    const bandRanges: RangeToCheck[] = [];
    const seenBands = new Set<string>();
    c.list(value, 'bands', 'Engagement bands').forEach((raw, i) => {
        const p = `bands[${i}]`;
        const band = c.object(raw, p, 'Engagement band', ['band', 'min', 'max']);
        if (!band) {
            return;
        }
        const name = c.oneOf(
            band.band,
            join(p, 'band'),
            `Engagement band (${p}) name`,
            ENGAGEMENT_BANDS
        );
        const label = `band "${name ?? describe(band.band)}"`;
        if (name) {
            if (seenBands.has(name)) {
                c.fail(
                    join(p, 'band'),
                    'duplicate-id',
                    `Engagement bands: ${label} appears twice.`
                );
            }
            seenBands.add(name);
        }
        const min = c.number(band.min, join(p, 'min'), `Engagement ${label} min`, 0, 10_000);
        const max =
            band.max === null
                ? null
                : c.number(
                      band.max,
                      join(p, 'max'),
                      `Engagement ${label} max (null for no limit)`,
                      0,
                      10_000
                  );
        if (min !== null && (max !== null || band.max === null)) {
            bandRanges.push({ min, max, path: p, name: label });
        }
    });
    if (Array.isArray(value)) {
        for (const b of ENGAGEMENT_BANDS) {
            if (!seenBands.has(b) && value.length) {
                c.fail(
                    'bands',
                    'missing-field',
                    `Engagement bands: band "${b}" is missing; every band ${ENGAGEMENT_BANDS.join(', ')} needs a range.`
                );
            }
        }
        checkRanges(c, bandRanges, 'bands', 'Engagement bands', true);
        // Bands must be ordered: High above Medium above Low above None.
        const minOf = new Map(bandRanges.map((r) => [r.name, r.min]));
        for (let i = 1; i < ENGAGEMENT_BANDS.length; i++) {
            const hi = minOf.get(`band "${ENGAGEMENT_BANDS[i - 1]}"`);
            const lo = minOf.get(`band "${ENGAGEMENT_BANDS[i]}"`);
            if (hi !== undefined && lo !== undefined && hi <= lo) {
                c.fail(
                    'bands',
                    'impossible-matrix',
                    `Engagement bands: "${ENGAGEMENT_BANDS[i - 1]}" must start above "${ENGAGEMENT_BANDS[i]}".`
                );
            }
        }
    }
}

/** Checks `matrix`: a tier per grade × band, never colder for a better cell; returns it. */
export function checkMatrix(c: Checker, value: unknown): Obj | null {
    const matrix = c.object(value, 'matrix', 'Tier matrix', FIT_GRADES);
    if (matrix) {
        for (const g of FIT_GRADES) {
            const row = c.object(
                matrix[g],
                `matrix.${g}`,
                `Tier matrix row ${g}`,
                ENGAGEMENT_BANDS
            );
            if (!row) {
                continue;
            }
            for (const b of ENGAGEMENT_BANDS) {
                c.oneOf(row[b], `matrix.${g}.${b}`, `Tier matrix ${g} × ${b}`, TIERS);
            }
        }
        const tierAt = (g: FitGrade, b: string): Tier | null => {
            const v = (matrix[g] as Obj | undefined)?.[b];
            return typeof v === 'string' && (TIERS as readonly string[]).includes(v)
                ? (v as Tier)
                : null;
        };
        for (let gi = 0; gi < FIT_GRADES.length; gi++) {
            for (let bi = 0; bi < ENGAGEMENT_BANDS.length; bi++) {
                const here = tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi]);
                const worseGrade =
                    gi + 1 < FIT_GRADES.length
                        ? tierAt(FIT_GRADES[gi + 1], ENGAGEMENT_BANDS[bi])
                        : null;
                const lowerBand =
                    bi + 1 < ENGAGEMENT_BANDS.length
                        ? tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi + 1])
                        : null;
                if (here && worseGrade && TIER_RANK[worseGrade] > TIER_RANK[here]) {
                    c.fail(
                        `matrix.${FIT_GRADES[gi + 1]}.${ENGAGEMENT_BANDS[bi]}`,
                        'impossible-matrix',
                        `Tier matrix: grade ${FIT_GRADES[gi + 1]} × ${ENGAGEMENT_BANDS[bi]} is ${worseGrade} but the better grade ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi]} is only ${here}; a better grade must never give a colder tier.`
                    );
                }
                if (here && lowerBand && TIER_RANK[lowerBand] > TIER_RANK[here]) {
                    c.fail(
                        `matrix.${FIT_GRADES[gi]}.${ENGAGEMENT_BANDS[bi + 1]}`,
                        'impossible-matrix',
                        `Tier matrix: ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi + 1]} is ${lowerBand} but the higher band ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi]} is only ${here}; more engagement must never give a colder tier.`
                    );
                }
            }
        }
    }
    return matrix;
}

/** Checks `salesReadyTiers`: known tiers, at least one reachable in the matrix. */
export function checkSalesReady(c: Checker, value: unknown, matrix: Obj | null): void {
    const ready = c.list(value, 'salesReadyTiers', 'Sales-ready tiers');
    ready.forEach((t, i) => c.oneOf(t, `salesReadyTiers[${i}]`, 'Sales-ready tier', TIERS));
    if (matrix && ready.length) {
        const reachable = new Set(
            FIT_GRADES.flatMap((g) =>
                ENGAGEMENT_BANDS.map((b) => (matrix[g] as Obj | undefined)?.[b])
            )
        );
        if (!ready.some((t) => reachable.has(t))) {
            c.fail(
                'salesReadyTiers',
                'impossible-matrix',
                `Sales-ready tiers: no cell of the tier matrix gives ${ready.map(String).join(' or ')}, so no lead could ever be sales-ready.`
            );
        }
    }
}
