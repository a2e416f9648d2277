import http from 'node:http';
import path from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { readPackageMetadata } from '../../metadata/src/index';
import { Sessions } from '../src/http/auth';
import { Router } from '../src/http/router';
import { createHttpServer } from '../src/http/server';
import { registerAppRoutes } from '../src/routes/index';
import { READ_ONLY_PROFILE_ID } from '../src/store/access';
import { MemorySource } from '../src/store/memorySource';
import { buildObjectInfos } from '../src/store/objectInfos';

const root = path.resolve(import.meta.dirname, '../..');
const token = '00DTEST000000000001!abc';
let server: http.Server;
let base: string;
let source: MemorySource;
let dist: string;

beforeAll(async () => {
    const infos = buildObjectInfos(readPackageMetadata(root), [
        { ApiName: 'New', MasterLabel: 'New', IsConverted: false, IsDefault: true }
    ]);
    source = new MemorySource([...infos.values()]);
    source.create('User', { Name: 'Ada Admin', Title: 'System Administrator', IsActive: true });
    source.create('Lead', { LastName: 'Lovelace', Company: 'Engines', Status: 'New' });
    dist = mkdtempSync(path.join(os.tmpdir(), 'leadloop-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    // The GraphQL endpoint, the UI API and the browser app over a MemorySource, through the
    // same HTTP layer as the local org.
    const sessions = new Sessions(token, 'refresh');
    const router = registerAppRoutes(new Router(), { store: source, sessions, distDir: dist });
    server = createHttpServer({ router, authorize: (req) => sessions.authorize(req) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dist, { recursive: true, force: true });
});

const api = `/services/data/v${API_VERSION}`;
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

describe('GraphQL and UI API over HTTP', () => {
    it('requires the token, in the platform error shape', async () => {
        const res = await fetch(`${base}${api}/graphql`, { method: 'POST', body: '{}' });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual([
            { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
        ]);
    });

    it('answers a GraphQL query with variables and a UI API record', async () => {
        const res = await fetch(`${base}${api}/graphql`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({
                query: 'query q($n: String) { uiapi { query { Lead(where: { LastName: { eq: $n } }) { edges { node { Id Company { value } } } } } } }',
                variables: { n: 'Lovelace' }
            })
        });
        const body = await res.json();
        const node = body.data.uiapi.query.Lead.edges[0].node;
        expect(node.Company.value).toBe('Engines');
        const rec = await fetch(`${base}${api}/ui-api/records/${node.Id}?fields=Lead.Company`, {
            headers: auth
        });
        expect((await rec.json()).fields.Company.value).toBe('Engines');
    });

    it('writes a record only if unmodified since the date given, else 412 and nothing changes', async () => {
        const id = source.create('Lead', { LastName: 'Hopper', Company: 'Navy', Status: 'New' });
        const read = await fetch(`${base}${api}/ui-api/records/${id}?fields=Lead.Company`, {
            headers: auth
        });
        const readAt = ((await read.json()) as { lastModifiedDate: string }).lastModifiedDate;
        const patch = (company: string, since: string) =>
            fetch(`${base}${api}/ui-api/records/${id}`, {
                method: 'PATCH',
                headers: { ...auth, 'If-Unmodified-Since': since },
                body: JSON.stringify({ fields: { Company: company } })
            });
        // Someone else changes the lead a few seconds after it was read.
        await new Promise((resolve) => setTimeout(resolve, 5));
        source.update('Lead', id, { Company: 'US Navy' });
        const refused = await patch('Overwritten', readAt);
        expect(refused.status).toBe(412);
        expect(((await refused.json()) as { errorCode: string }[])[0].errorCode).toBe(
            'PRECONDITION_FAILED'
        );
        expect(
            source.find('Lead', {
                fields: ['Company'],
                where: { field: 'Id', op: 'eq', value: id },
                limit: 1,
                offset: 0
            }).records[0].Company
        ).toBe('US Navy');
        const later = new Date(Date.now() + 2000).toUTCString();
        expect((await patch('Navy Yard', later)).status).toBe(200);
        expect((await patch('Navy Yard', 'not a date')).status).toBe(400);
    });

    it('refuses bad JSON and never serves files outside the build', async () => {
        const bad = await fetch(`${base}${api}/ui-api/records`, {
            method: 'POST',
            headers: auth,
            body: '{nope'
        });
        expect(bad.status).toBe(400);
        expect((await bad.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
        expect((await fetch(`${base}/`)).status).toBe(200);
        for (const p of [
            '/..%2fpackage.json',
            '/%2e%2e/%2e%2e/package.json',
            '/../../etc/passwd'
        ]) {
            expect((await fetch(`${base}${p}`)).status).toBe(404);
        }
    });

    it('lists the active users for the Act as picker, to an authorised caller only', async () => {
        expect((await fetch(`${base}/leadloop/session`)).status).toBe(401);
        const res = await fetch(`${base}/leadloop/session`, {
            headers: { Authorization: `Bearer ${token}` }
        });
        const body = await res.json();
        expect(body.apiVersion).toBe(API_VERSION);
        expect(body.users.map((u: { Name: string }) => u.Name)).toEqual(['Ada Admin']);
        expect(body.defaultUserId).toBe(body.users[0].Id);
    });

    it("answers a Read Only user's writes with INSUFFICIENT_ACCESS_OR_READONLY and writes nothing", async () => {
        const reader = source.create('User', {
            Name: 'Rita Reader',
            IsActive: true,
            ProfileId: READ_ONLY_PROFILE_ID
        });
        const id = source.create('Lead', { LastName: 'Hamilton', Company: 'MIT', Status: 'New' });
        const asReader = { ...auth, 'X-LeadLoop-Act-As': reader };
        const url = `${base}${api}/ui-api/records/${id}`;
        const company = () =>
            source.find('Lead', {
                fields: ['Company'],
                where: { field: 'Id', op: 'eq', value: id },
                limit: 1,
                offset: 0
            }).records[0]?.Company;
        const tasks = () =>
            source.find('Task', { fields: ['Id'], limit: 1000, offset: 0 }).totalCount;
        const before = tasks();

        const update = await fetch(url, {
            method: 'PATCH',
            headers: asReader,
            body: JSON.stringify({ fields: { Company: 'Changed' } })
        });
        expect(update.status).toBe(403);
        expect((await update.json()).output.errors[0].errorCode).toBe(
            'INSUFFICIENT_ACCESS_OR_READONLY'
        );
        const create = await fetch(`${base}${api}/ui-api/records`, {
            method: 'POST',
            headers: asReader,
            body: JSON.stringify({ apiName: 'Task', fields: { Subject: 'Call' } })
        });
        expect(create.status).toBe(403);
        expect((await fetch(url, { method: 'DELETE', headers: asReader })).status).toBe(403);
        const mutation = await fetch(`${base}${api}/graphql`, {
            method: 'POST',
            headers: asReader,
            body: JSON.stringify({
                query: `mutation { uiapi(input: { allOrNone: false }) { LeadUpdate(input: { Id: "${id}", Lead: { Company: "Changed" } }) { Record { Id } } } }`
            })
        });
        const answer = await mutation.json();
        expect(answer.errors[0].message).toBe('insufficient access rights on object id');
        expect(answer.errors[0].extensions.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');

        // Nothing was written; the reader still reads, and the admin still writes.
        expect(company()).toBe('MIT');
        expect(tasks()).toBe(before);
        const read = await fetch(`${url}?fields=Lead.Company`, { headers: asReader });
        expect((await read.json()).fields.Company.value).toBe('MIT');
        const admin = await fetch(url, {
            method: 'PATCH',
            headers: auth,
            body: JSON.stringify({ fields: { Company: 'MIT Lab' } })
        });
        expect(admin.status).toBe(200);
        expect(company()).toBe('MIT Lab');
    });
});
