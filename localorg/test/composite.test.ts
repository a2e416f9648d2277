/**
 * Composite, composite batch and composite graph over raw HTTP: references
 * that cannot be resolved, allOrNone rolling back updates and deletes as well
 * as creates, what a request may not hold, and the XML reader's refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { parseXml, XmlError } from '../src/xml';
import { apiCall } from './http';

let org: LocalOrg;
const V = `/services/data/v${API_VERSION}`;

type Answer = { body: unknown; httpStatusCode: number; referenceId: string };

async function composite(body: unknown): Promise<{ status: number; json: unknown }> {
    const res = await apiCall(org, '/composite', { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org.close());

describe('composite', () => {
    it('without allOrNone: a bad reference halts only the subrequest that uses it', async () => {
        const { status, json } = await composite({
            compositeRequest: [
                {
                    method: 'POST',
                    url: `${V}/sobjects/Account`,
                    referenceId: 'Bad',
                    body: {}
                },
                {
                    method: 'POST',
                    url: `${V}/sobjects/Contact`,
                    referenceId: 'UsesBad',
                    body: { LastName: 'X', AccountId: '@{Bad.id}' }
                },
                {
                    method: 'POST',
                    url: `${V}/sobjects/Account`,
                    referenceId: 'Fine',
                    body: { Name: 'Composite Fine' }
                }
            ]
        });
        expect(status).toBe(200);
        const answers = (json as { compositeResponse: Answer[] }).compositeResponse;
        expect(answers.map((a) => a.httpStatusCode)).toEqual([400, 400, 201]);
        expect(answers[1].body).toEqual([
            {
                errorCode: 'PROCESSING_HALTED',
                message: 'Invalid reference specified. No value for Bad.id found in Bad.'
            }
        ]);
    });
    it('with allOrNone: an update and a delete before the failure are rolled back too', async () => {
        const created = await apiCall(org, '/sobjects/Account', {
            method: 'POST',
            body: JSON.stringify({ Name: 'Keep Me' })
        });
        const { id } = (await created.json()) as { id: string };
        const other = await apiCall(org, '/sobjects/Account', {
            method: 'POST',
            body: JSON.stringify({ Name: 'Do Not Delete' })
        });
        const otherId = ((await other.json()) as { id: string }).id;
        const { json } = await composite({
            allOrNone: true,
            compositeRequest: [
                {
                    method: 'PATCH',
                    url: `${V}/sobjects/Account/${id}`,
                    referenceId: 'Rename',
                    body: { Name: 'Renamed' }
                },
                { method: 'DELETE', url: `${V}/sobjects/Account/${otherId}`, referenceId: 'Del' },
                {
                    method: 'GET',
                    url: `${V}/sobjects/Account/001000000000000AAA`,
                    referenceId: 'Missing'
                },
                { method: 'GET', url: `${V}/query?q=SELECT+Id+FROM+Account`, referenceId: 'After' }
            ]
        });
        const answers = (json as { compositeResponse: Answer[] }).compositeResponse;
        expect(answers.map((a) => [a.referenceId, a.httpStatusCode])).toEqual([
            ['Rename', 400],
            ['Del', 400],
            ['Missing', 404],
            ['After', 400]
        ]);
        const read = (await (await apiCall(org, `/sobjects/Account/${id}`)).json()) as {
            Name: string;
        };
        expect(read.Name).toBe('Keep Me');
        expect((await apiCall(org, `/sobjects/Account/${otherId}`)).status).toBe(200);
    });
    it('refuses requests it cannot run, naming the subrequest', async () => {
        const sub = (over: Record<string, unknown>) => ({
            method: 'GET',
            url: `${V}/sobjects/Account`,
            referenceId: 'A',
            ...over
        });
        for (const compositeRequest of [
            [],
            [sub({ url: `${V}/composite` })],
            [sub({ url: `${V}/jobs/ingest` })],
            [sub({ url: 'http://example.com/x' })],
            [sub({ method: 'HEAD' })],
            [sub({ referenceId: '1bad' })],
            [sub({}), sub({})],
            Array.from({ length: 26 }, (_, i) => sub({ referenceId: `r${i}` }))
        ]) {
            const { status, json } = await composite({ compositeRequest });
            expect(status).toBe(400);
            expect(json).toMatchObject([{ errorCode: 'INVALID_INPUT' }]);
        }
    });
    it('runs 5 queries or collections in one request and refuses a 6th, naming it', async () => {
        const query = (i: number) => ({
            method: 'GET',
            url: `${V}/query?q=SELECT+Id+FROM+Account+LIMIT+1`,
            referenceId: `q${i}`
        });
        const five = Array.from({ length: 5 }, (_, i) => query(i));
        const ok = await composite({
            compositeRequest: [
                ...five,
                { method: 'GET', url: `${V}/sobjects/Account`, referenceId: 'd' }
            ]
        });
        expect(ok.status).toBe(200);
        const refused = await composite({
            compositeRequest: [
                ...five,
                {
                    method: 'POST',
                    url: `${V}/composite/sobjects`,
                    referenceId: 'collection',
                    body: { records: [{ attributes: { type: 'Account' }, Name: 'Not written' }] }
                }
            ]
        });
        expect(refused.status).toBe(400);
        expect(refused.json).toMatchObject([{ errorCode: 'INVALID_INPUT' }]);
        expect(JSON.stringify(refused.json)).toContain('collection');
        const written = (await (
            await apiCall(
                org,
                `/query?q=${encodeURIComponent("SELECT COUNT() FROM Account WHERE Name = 'Not written'")}`
            )
        ).json()) as { totalSize: number };
        expect(written.totalSize).toBe(0);
    });
});

describe('composite batch and graph', () => {
    it('batch without haltOnError runs every subrequest', async () => {
        const res = await apiCall(org, '/composite/batch', {
            method: 'POST',
            body: JSON.stringify({
                batchRequests: [
                    { method: 'GET', url: `v${API_VERSION}/sobjects/Account/001000000000000AAA` },
                    { method: 'GET', url: `v${API_VERSION}/query?q=SELECT+COUNT()+FROM+Account` }
                ]
            })
        });
        const body = (await res.json()) as {
            hasErrors: boolean;
            results: { statusCode: number }[];
        };
        expect(body.hasErrors).toBe(true);
        expect(body.results.map((r) => r.statusCode)).toEqual([404, 200]);
    });
    it('graph refuses duplicate graph ids and more than 500 nodes', async () => {
        const node = (i: number) => ({
            method: 'GET',
            url: `${V}/sobjects/Account`,
            referenceId: `n${i}`
        });
        for (const graphs of [
            [
                { graphId: 'g', compositeRequest: [node(0)] },
                { graphId: 'g', compositeRequest: [node(0)] }
            ],
            Array.from({ length: 21 }, (_, g) => ({
                graphId: `g${g}`,
                compositeRequest: Array.from({ length: 25 }, (_, i) => node(i))
            }))
        ]) {
            const res = await apiCall(org, '/composite/graph', {
                method: 'POST',
                body: JSON.stringify({ graphs })
            });
            expect(res.status).toBe(400);
        }
    });
});

describe('the XML reader', () => {
    it('reads entities, CDATA and namespaces', () => {
        const root = parseXml(
            '<?xml version="1.0"?><a:root xmlns:a="urn:x"><b>1 &lt; 2 &amp; &#x41;</b><c><![CDATA[<raw>]]></c><d xsi:nil="true"/></a:root>'
        );
        expect(root.name).toBe('root');
        expect(root.children.map((c) => [c.name, c.text])).toEqual([
            ['b', '1 < 2 & A'],
            ['c', '<raw>'],
            ['d', '']
        ]);
    });
    it('refuses what is not well-formed, naming where', () => {
        for (const bad of [
            '<a><b></a>',
            '<a>',
            '<a/><b/>',
            'text',
            '<a>&unknown;</a>',
            '<!DOCTYPE a><a/>',
            ''
        ])
            expect(() => parseXml(bad)).toThrow(XmlError);
    });
});
