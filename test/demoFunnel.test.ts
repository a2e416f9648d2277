/**
 * What `npm start` prepares for the funnel page (scripts/seedDemo.ts `prepareDemo`): the
 * report links and one audit run, written through the CLI's own link-reports and audit over
 * the API, and answered by the local org to the page's own first request (the settings,
 * the links and the latest run in one GraphQL document). Running it again writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import jsforce from 'jsforce';
import { fileURLToPath } from 'node:url';
import {
    API_VERSION,
    AUDIT_RUN,
    latestAuditRunFromAnswer,
    LINKED_REPORTS,
    reportIdsFromLinks,
    REPORT_LINK
} from '../core/src/index';
import { startLocalOrg, type LocalOrg } from '../localorg/src/index';
import { Api, soql } from '../cli/src/api/index';
import { reportOrg } from '../cli/src/report';
import { prepareDemo, seedDemoIfEmpty } from '../scripts/seedDemo';

// The component's query module, loaded as the platform builds it: `gql` gives the text.
vi.mock('lightning/graphql', () => ({
    gql: (strings: TemplateStringsArray, ...values: unknown[]) =>
        String.raw({ raw: strings }, ...values)
}));
vi.mock('c/leadLoopCore', async () => await import('../core/src/index'));

const QUERY_MODULE = fileURLToPath(
    new URL(
        '../force-app/main/default/lwc/leadLoopMetricsQuery/leadLoopMetricsQuery.js',
        import.meta.url
    )
);

let org: LocalOrg;
let api: Api;
const now = new Date();

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    await seedDemoIfEmpty(org, { leads: 600 });
    api = new Api(
        new jsforce.Connection({
            instanceUrl: org.instanceUrl,
            accessToken: org.accessToken,
            version: API_VERSION
        })
    );
}, 120_000);

afterAll(async () => {
    await org?.close();
});

async function funnelSettingsAnswer() {
    const { FUNNEL_SETTINGS_QUERY } = (await import(QUERY_MODULE)) as {
        FUNNEL_SETTINGS_QUERY: string;
    };
    const res = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/graphql`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: FUNNEL_SETTINGS_QUERY })
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: unknown; errors?: unknown[] };
    expect(body.errors ?? []).toEqual([]);
    return body.data;
}

const count = (object: string) => api.count(soql({ select: ['COUNT()'], from: object }));

describe('the demo npm start prepares for the funnel page', () => {
    it('answers the page with no links and no run before it is prepared', async () => {
        const data = await funnelSettingsAnswer();
        expect(reportIdsFromLinks(data)).toEqual({});
        expect(latestAuditRunFromAnswer(data)).toBeNull();
    });

    it('links every report and records one audit run with the figures', async () => {
        const first = await prepareDemo(org, { audit: true, now });
        expect(first.linked).toBe(LINKED_REPORTS.length);
        expect(first.auditRunId).toMatch(/^a/);
        const data = await funnelSettingsAnswer();
        const reports = await api.query(soql({ select: ['Id', 'DeveloperName'], from: 'Report' }));
        const reportId = new Map(reports.map((r) => [String(r.DeveloperName), String(r.Id)]));
        expect(reportIdsFromLinks(data)).toEqual(
            Object.fromEntries(LINKED_REPORTS.map((name) => [name, reportId.get(name)]))
        );
        // The run's figures equal `leadloop report --audit` over the same org and clock.
        const { metrics } = await reportOrg(api, { audit: true, now });
        const run = latestAuditRunFromAnswer(data)!;
        expect(run.ranAt).toBe(now.toISOString());
        expect(run.figures).toEqual({
            handedToSales: metrics.processDefects.defective.of,
            defective: metrics.processDefects.defective.count,
            firstTouchLeads: metrics.speedToFirstTouch.leads,
            firstTouchMedianHours: Math.round(metrics.speedToFirstTouch.medianHours! * 100) / 100,
            firstTouchP90Hours: Math.round(metrics.speedToFirstTouch.p90Hours! * 100) / 100
        });
        expect(run.figures!.defective).toBeGreaterThan(0);
    });

    it('writes nothing when npm start runs again', async () => {
        const again = await prepareDemo(org, { audit: true });
        expect(again).toEqual({ linked: 0, auditRunId: null });
        expect(await count(REPORT_LINK.objectApiName)).toBe(LINKED_REPORTS.length);
        expect(await count(AUDIT_RUN.objectApiName)).toBe(1);
    });
});
