/**
 * The funnel from GraphQL aggregate queries equals the funnel from every lead:
 * a local org seeded with the demo data set answers the core's aggregate
 * document, and `addLeadGroups` over its rows gives the same stages, leaks,
 * touched, dead, hand-back and conversion counts as `addLeads` over the leads
 * read one by one (touches from LastActivityDate in both, as aggregates see them).
 */
import type { Database } from 'better-sqlite3';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    addLeads,
    API_VERSION,
    DEFAULT_SETTINGS,
    emptyMetrics,
    finishMetrics,
    FUNNEL_AGGREGATE_QUERIES,
    FUNNEL_PARTITIONS,
    funnelMetricsFromAggregates,
    funnelRequestVariables,
    MAX_SUBQUERIES_PER_REQUEST,
    LEAD_FIELDS,
    leadFromRecord,
    leadGroupsFromAggregates,
    type LeadLoopMetrics
} from '../core/src/index';
import { startLocalOrg, type LocalOrg } from '../localorg/src/index';
import { generateDemoData } from '../cli/src/seed/index';
import { seedDemoIfEmpty } from '../scripts/seedDemo';

let org: LocalOrg;
const now = new Date();
const settings = DEFAULT_SETTINGS;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    await seedDemoIfEmpty(org, { leads: 600 });
    // Besides the demo data set's converted leads, converted ones won, lost and open.
    const stages = ['Closed Won', 'Closed Won', 'Closed Lost', 'Prospecting'];
    const sources = ['Web', 'Webinar', 'Web', 'Trade Show'];
    // The local org does not derive IsWon/IsClosed from the stage (read-only fields): set
    // them in its database, as the platform would have.
    const db = (org.store as unknown as { db: Database }).db;
    stages.forEach((StageName, i) => {
        const opp = org.store.create('Opportunity', {
            Name: `Converted ${i}`,
            StageName,
            CloseDate: '2026-11-01',
            Amount: 1000 * (i + 1)
        });
        db.prepare('UPDATE "Opportunity" SET "IsWon" = ?, "IsClosed" = ? WHERE "Id" = ?').run(
            StageName === 'Closed Won' ? 1 : 0,
            StageName.startsWith('Closed') ? 1 : 0,
            opp
        );
        // A converted lead cannot be inserted through any API (IsConverted is not
        // createable): convert it in the database, as lead conversion would have.
        const lead = org.store.create('Lead', {
            LastName: `Converted ${i}`,
            Company: 'Acme',
            Status: 'Qualified',
            LeadSource: sources[i]
        });
        db.prepare(
            'UPDATE "Lead" SET "IsConverted" = 1, "ConvertedDate" = ?, "ConvertedOpportunityId" = ? WHERE "Id" = ?'
        ).run('2026-11-01', opp, lead);
    });
}, 120_000);

afterAll(async () => {
    await org?.close();
});

async function postGraphql(query: string, variables: unknown) {
    const res = await fetch(`${org.instanceUrl}/services/data/v${API_VERSION}/graphql`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables })
    });
    return {
        status: res.status,
        body: (await res.json()) as { data: unknown; errors: { message: string }[] }
    };
}

/** The funnel's requests, in parallel, as the page sends them. */
async function fromAggregates(): Promise<LeadLoopMetrics> {
    const variables = funnelRequestVariables(settings, now);
    const answers = await Promise.all(
        FUNNEL_AGGREGATE_QUERIES.map((query, i) => postGraphql(query, variables[i]))
    );
    for (const a of answers) expect(a.body.errors).toEqual([]);
    return funnelMetricsFromAggregates(
        answers.map((a) => a.body.data),
        settings,
        now
    );
}

async function fromLeads(): Promise<LeadLoopMetrics> {
    const conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
    const fields = [
        ...new Set(['Id', 'CreatedDate', 'LastActivityDate', ...Object.values(LEAD_FIELDS)])
    ];
    const leads = await conn.query(`SELECT ${fields.join(', ')} FROM Lead`, {
        autoFetch: true,
        maxFetch: 100_000
    });
    const opps = await conn.query<{
        Id: string;
        IsWon: boolean;
        IsClosed: boolean;
        Amount: number;
    }>('SELECT Id, IsWon, IsClosed, Amount FROM Opportunity', {
        autoFetch: true,
        maxFetch: 100_000
    });
    const acc = emptyMetrics({ settings, now });
    return finishMetrics(
        addLeads(acc, {
            leads: leads.records.map((r) => leadFromRecord(r as Record<string, unknown>)),
            opportunities: opps.records.map((o) => ({
                id: o.Id,
                isWon: o.IsWon,
                isClosed: o.IsClosed,
                amount: o.Amount
            }))
        })
    );
}

describe('the funnel from aggregate queries', () => {
    it('equals the funnel from every lead on the demo data set', async () => {
        const [a, b] = await Promise.all([fromAggregates(), fromLeads()]);
        expect(b.leads).toBeGreaterThanOrEqual(600);
        expect(a.leads).toBe(b.leads);
        expect(a.funnel).toEqual(b.funnel);
        expect(a.followUp.touched).toEqual(b.followUp.touched);
        expect(a.qualifiedUntouched).toEqual(b.qualifiedUntouched);
        expect(a.dead).toEqual(b.dead);
        expect(a.handback.rate).toEqual(b.handback.rate);
        expect(a.handback.reasons).toEqual(b.handback.reasons);
        expect(a.conversionBySource).toEqual(b.conversionBySource);
        expect(a.conversionByTier).toEqual(b.conversionByTier);
        // Not every lead is at the first stage: the data set exercises the partitions.
        expect(a.funnel.map((s) => s.reached > 0)).toEqual(Array(6).fill(true));
        // Won: the demo set's won conversions and the two added here.
        const planted = generateDemoData({ leads: 600 }).conversions;
        const won = planted.filter((c) => c.outcome === 'won').length;
        expect(won).toBeGreaterThan(0);
        expect(a.funnel.at(-1)!.reached).toBe(won + 2);
        expect(a.funnel[4].leak.lost).toBe(planted.filter((c) => c.outcome === 'lost').length + 1);
    });

    it('fits the platform limit of 10 subqueries per request, in as few requests as fit', async () => {
        expect(MAX_SUBQUERIES_PER_REQUEST).toBe(10);
        expect(FUNNEL_AGGREGATE_QUERIES).toHaveLength(
            Math.ceil(FUNNEL_PARTITIONS.length / MAX_SUBQUERIES_PER_REQUEST)
        );
        for (const q of FUNNEL_AGGREGATE_QUERIES) {
            expect(q.match(/\bp\d+: Lead\(/g)!.length).toBeLessThanOrEqual(10);
        }
        // Every partition once, in alias order, across the requests.
        const aliases = FUNNEL_AGGREGATE_QUERIES.join('\n').match(/\bp\d+(?=: Lead\()/g);
        expect(aliases).toEqual(FUNNEL_PARTITIONS.map((_, i) => `p${i}`));
        // All partitions in one request, as the page once sent them: refused by the org.
        const inner = (q: string) =>
            q.slice(q.indexOf('aggregate {') + 11, q.lastIndexOf('\n        }\n    }\n}'));
        const one = `query all($deadBefore: Date, $deadBeforeTime: DateTime) { uiapi { aggregate { ${FUNNEL_AGGREGATE_QUERIES.map(inner).join('\n')} } } }`;
        const refused = await postGraphql(one, {
            deadBefore: '2026-01-01',
            deadBeforeTime: '2026-01-01T00:00:00.000Z'
        });
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0].message).toMatch(
            new RegExp(`up to 10 subqueries; this one has ${FUNNEL_PARTITIONS.length}`)
        );
    });

    it('names the partition a bad answer lacks', () => {
        expect(() => leadGroupsFromAggregates({ uiapi: { aggregate: {} } }, settings)).toThrow(
            /lacks the aggregate p0/
        );
        expect(() => leadGroupsFromAggregates(null, settings)).toThrow(/no uiapi.aggregate/);
        expect(() =>
            leadGroupsFromAggregates([{ uiapi: { aggregate: {} } }, {}], settings)
        ).toThrow(/answer 2 has no uiapi.aggregate/);
    });
});
