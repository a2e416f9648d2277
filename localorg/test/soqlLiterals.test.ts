/**
 * U+2028 and U+2029 inside SOQL string literals: the parser the local org uses refuses them
 * anywhere, the platform takes them inside literals as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { parseSoql } from '../src/store/soql';
import { apiCall } from './http';

const VALUE = 'line\u2028para\u2029end';

describe('line and paragraph separators in string literals', () => {
    it('parses them as the value, next to escapes and private-use characters', () => {
        const q = parseSoql(
            `SELECT Id FROM Lead WHERE LastName = 'it\\'s ${VALUE}' OR Company = '\ue000\u2028'`
        );
        const where = q.where as unknown as {
            left: { value: string };
            right: { left: { value: string } };
        };
        expect(where.left.value).toBe(`'it\\'s ${VALUE}'`);
        expect(where.right.left.value).toBe("'\ue000\u2028'");
    });

    it('leaves them outside literals to the parser (white space there)', () => {
        expect(parseSoql('SELECT Id\u2028FROM\u2029Lead').sObject).toBe('Lead');
    });

    describe('over HTTP', () => {
        let org: LocalOrg;
        beforeAll(async () => {
            org = await startLocalOrg({ dataDir: ':memory:' });
            org.store.create('Lead', { LastName: VALUE, Company: 'Sep', Status: 'New' });
            org.store.create('Lead', { LastName: 'line para end', Company: 'Sep', Status: 'New' });
        });
        afterAll(() => org?.close());

        it('finds exactly the record holding the value', async () => {
            const q = `SELECT LastName FROM Lead WHERE LastName = '${VALUE}'`;
            const res = await apiCall(org, `/query?q=${encodeURIComponent(q)}`);
            expect(res.status).toBe(200);
            const body = (await res.json()) as { records: { LastName: string }[] };
            expect(body.records.map((r) => r.LastName)).toEqual([VALUE]);
        });
    });
});
