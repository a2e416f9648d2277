/**
 * A growable list of numbers (speed-to-first-touch hours) and its percentiles.
 * Exact, and mergeable by concatenation: 1,000,000 samples take 8 MB.
 */
export interface Samples {
    values: Float64Array;
    length: number;
}

export function emptySamples(): Samples {
    return { values: new Float64Array(1024), length: 0 };
}

function reserve(s: Samples, extra: number): void {
    if (s.length + extra <= s.values.length) return;
    let size = s.values.length * 2;
    while (size < s.length + extra) size *= 2;
    const grown = new Float64Array(size);
    grown.set(s.values.subarray(0, s.length));
    s.values = grown;
}

export function pushSample(s: Samples, value: number): void {
    reserve(s, 1);
    s.values[s.length++] = value;
}

export function appendSamples(into: Samples, from: Samples): void {
    reserve(into, from.length);
    into.values.set(from.values.subarray(0, from.length), into.length);
    into.length += from.length;
}

/** Sorted copy of the samples (ascending). */
export function sortedSamples(s: Samples): Float64Array {
    return s.values.slice(0, s.length).sort();
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) of ascending values by linear interpolation
 * between the closest ranks (numpy's default, Excel's PERCENTILE.INC): rank
 * (n − 1)·p. The median is p = 0.5 (the mean of the two middle values for an
 * even count). Ties need nothing special. Null for no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
    const n = sorted.length;
    if (n === 0) return null;
    const rank = (n - 1) * p;
    const lo = Math.floor(rank);
    const hi = Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}
