/**
 * `leadloop report` against a real local org (in-process) seeded with the demo data set:
 * the numbers the data set was built with, the same over REST and Bulk API 2.0, the table
 * as CSV, and with --audit the process defect rate.
 */
import jsforce from 'jsforce';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, FUNNEL_STAGES, type LeadLoopMetrics } from '../../core/src/index';
import type { LocalOrg } from '../../localorg/src/index';
import { run } from '../src/bin';
import { DEMO_SHARES } from '../src/seed/generate';
import { generateDemoData, seedOrg } from '../src/seed/index';
import { localProject } from './support/localProject';

const NOW = '2026-11-22T12:00:00.000Z';
const LEADS = 1000;
const data = generateDemoData({ leads: LEADS, now: new Date(NOW) });

let org: LocalOrg;
let dir: string;
let root: string;

beforeAll(async () => {
    ({ org, dir, root } = await localProject());
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const seeded = await seedOrg(conn, data, { score: false });
    expect(seeded.failures).toEqual([]);
}, 120_000);

afterAll(async () => {
    await org?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
});

async function report(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['report', '--target-org', 'local', '--now', NOW, ...args], {
        root,
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        progress: false
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

const metricsOf = (out: string) =>
    (JSON.parse(out) as { result: { metrics: LeadLoopMetrics; transport: string } }).result;

describe('leadloop report', () => {
    it('gives the shares the demo data set was built with, the same over REST and Bulk', async () => {
        const rest = await report(['--json']);
        expect(rest.code, rest.err).toBe(0);
        const bulk = await report(['--json', '--bulk-threshold', '1']);
        expect(bulk.code, bulk.err).toBe(0);
        const a = metricsOf(rest.out);
        const b = metricsOf(bulk.out);
        expect(a.transport).toBe('collections');
        expect(b.transport).toBe('bulk');
        expect(b.metrics).toEqual(a.metrics);
        const m = a.metrics;
        expect(m.leads).toBe(LEADS);
        const handedBack = ((DEMO_SHARES.handedBack + DEMO_SHARES.nurtureDatePassed) / 100) * LEADS;
        expect(m.handback.rate).toEqual({ count: handedBack, of: LEADS, rate: handedBack / LEADS });
        const touched = new Set(
            data.steps
                .filter((s) => s.object === 'Task' || s.object === 'Event')
                .flatMap((s) => s.records.map((r) => r.refs!.WhoId))
        );
        expect(m.followUp.touched).toEqual({
            count: touched.size,
            of: LEADS,
            rate: touched.size / LEADS
        });
        expect(m.funnel.map((s) => s.stage)).toEqual([...FUNNEL_STAGES]);
        expect(m.funnel[0].reached).toBe(LEADS);
        expect(m.processDefects.audited).toBe(false);
    });

    it('prints a table, or the same rows as CSV', async () => {
        const table = await report([]);
        expect(table.code, table.err).toBe(0);
        expect(table.out).toMatch(/Lead Loop metrics of local \(1000 leads, collections\)/);
        expect(table.out).toMatch(/Funnel: Handed to sales/);
        const csv = await report(['--csv']);
        expect(csv.code, csv.err).toBe(0);
        const lines = csv.out.split('\n');
        expect(lines[0]).toBe('metric,value,detail');
        expect(lines[1]).toBe('Leads,1000,');
        expect(lines).toContain('Process defect rate,—,not audited (--audit)');
    });

    it('with --audit, gives the process defect rate from the hygiene findings', async () => {
        const res = await report(['--json', '--audit']);
        expect(res.code, res.err).toBe(0);
        const { metrics, findings } = metricsOf(res.out) as unknown as {
            metrics: LeadLoopMetrics;
            findings: number;
        };
        expect(findings).toBeGreaterThan(0);
        expect(metrics.processDefects.audited).toBe(true);
        expect(metrics.processDefects.defective.of).toBe(metrics.funnel[3].reached);
        expect(metrics.processDefects.defective.count).toBeGreaterThan(0);
    });

    it('refuses --csv with --json', async () => {
        const res = await report(['--csv', '--json']);
        expect(res.code).toBe(2);
    });
});
