/**
 * The metrics over 12,000 synthetic leads (the metrics bench's generator: statuses, owners,
 * conversions, hand-backs, reviews, findings; dates on every day of the month) equal the
 * figures the core computed before its speed work (`__fixtures__/golden.json`), so a faster
 * accumulator cannot change a result. Regenerate only for an intended change of definition:
 * `GOLDEN_WRITE=1 npx vitest run core/test/metrics/golden.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsPages } from '../../../bench/synthetic';
import { addLeads, DEFAULT_SETTINGS, emptyMetrics, finishMetrics } from '../../src/index';

const FILE = path.join(import.meta.dirname, '__fixtures__', 'golden.json');
const NOW = new Date('2026-11-22T12:00:00.000Z');

function compute() {
    const acc = emptyMetrics({ settings: DEFAULT_SETTINGS, now: NOW });
    for (const page of metricsPages(6_000, 1_000, NOW)) addLeads(acc, page);
    // The same pages again: a lead in two pages counts twice, as the bench adds them.
    for (const page of metricsPages(6_000, 1_500, NOW)) addLeads(acc, page);
    return JSON.parse(JSON.stringify(finishMetrics(acc))) as unknown;
}

describe('metrics golden figures', () => {
    it('equal what the core computed before its speed work', () => {
        const metrics = compute();
        if (process.env.GOLDEN_WRITE) {
            writeFileSync(FILE, `${JSON.stringify(metrics, null, 1)}\n`);
        }
        expect(metrics).toEqual(JSON.parse(readFileSync(FILE, 'utf8')));
        expect((metrics as { leads: number }).leads).toBe(12_000);
    });
});
