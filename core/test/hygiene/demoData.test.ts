/**
 * The audit against the demo data set: every planted problem (`data.problems`) is found by
 * its check, the leads planted duplicates copied are found as duplicates too, and every
 * other lead — planted clean — gets no finding at all.
 */
import { describe, expect, it } from 'vitest';
import { auditLeads, type Finding } from '../../src/index';
import { DEMO_SETTINGS, generateDemoData } from '../../../cli/src/seed/generate';
import { DEMO_PROBLEM_CHECKS as CHECK_FOR, DEMO_PROBLEMS } from '../../../cli/src/seed/types';
import { demoSnapshot } from './demoSnapshot';

const now = new Date('2026-11-22T12:00:00.000Z');
const data = generateDemoData({ now });
const snapshot = demoSnapshot(data);
const result = auditLeads(snapshot, DEMO_SETTINGS, now);

const findingsOf = new Map<string, Finding[]>();
for (const f of result.findings) findingsOf.set(f.leadId, [...(findingsOf.get(f.leadId) ?? []), f]);
const checksOf = (key: string): string[] => (findingsOf.get(key) ?? []).map((f) => f.checkId);

const planted = new Set([
    ...DEMO_PROBLEMS.flatMap((p) => data.problems[p]),
    ...data.duplicateOriginals
]);

describe('the audit on the demo data set (5,000 leads, seed 42)', () => {
    for (const problem of DEMO_PROBLEMS) {
        const check = CHECK_FOR[problem];
        if (!check) continue;
        it(`finds every planted ${problem} lead with ${check}`, () => {
            const keys = data.problems[problem];
            expect(keys.length).toBeGreaterThan(0);
            expect(keys.filter((k) => !checksOf(k).includes(check))).toEqual([]);
        });
    }

    it('flags the fake-qualified leads as handed to sales unqualified too', () => {
        const missed = data.problems.fakeQualified.filter(
            (k) => !checksOf(k).includes('handed-to-sales-unqualified')
        );
        expect(missed).toEqual([]);
    });

    it('finds the leads the planted duplicates copied as duplicates', () => {
        expect(data.duplicateOriginals.length).toBeGreaterThan(0);
        const missed = data.duplicateOriginals.filter(
            (k) => !checksOf(k).some((c) => c === 'duplicate-email' || c === 'duplicate-person')
        );
        expect(missed).toEqual([]);
    });

    it('leaves handed-back nurturing leads alone', () => {
        const flaggedHandedBack = data.problems.handedBack.flatMap((k) =>
            checksOf(k).map((c) => `${k}: ${c}`)
        );
        expect(flaggedHandedBack).toEqual([]);
    });

    it('flags no lead planted clean', () => {
        const leads = data.steps.find((s) => s.object === 'Lead')!.records;
        const clean = leads.filter((r) => !planted.has(r.key));
        expect(clean.length).toBeGreaterThan(leads.length / 3);
        const flaggedClean = clean.flatMap((r) =>
            checksOf(r.key).map((c) => `${r.key} ${String(r.fields.Status)}: ${c}`)
        );
        expect(flaggedClean).toEqual([]);
    });

    it('summarises the demo org (the README table)', () => {
        expect(result.leadsAudited).toBe(5000);
        expect(result.skipped).toEqual([]);
        expect(result.countsByCheck).toMatchSnapshot();
        expect(result.countsBySeverity).toMatchSnapshot();
        expect(result.leadsWithFindings).toMatchSnapshot();
    });
});
