/**
 * The one SOQL builder: names are checked, values are bound and escaped by one rule.
 * Hostile values (quotes, backslashes, line breaks) stay one string literal for a SOQL
 * parser, and a real local org finds exactly the record holding that value.
 */
import fc from 'fast-check';
import jsforce from 'jsforce';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../../localorg/src/index';
import { parseSoql } from '../../localorg/src/store/soql';
import { Api } from '../src/api/index';
import { cond, soql, soqlDateTime, soqlString } from '../src/api/soql';

const HOSTILE = [
    "O'Brien",
    "x' OR Name != '",
    'back\\slash',
    "trailing backslash\\' OR Id != null OR Name = '",
    'line\nbreak\r\nand\ttab',
    'double "quotes"',
    '%_ like wildcards',
    "\\\\' ) OR (Id != null",
    'line\u2028and paragraph\u2029separators'
];

/** What a SOQL parser reads back from a string literal (the inverse of `soqlString`). */
function unquote(raw: string): string {
    return raw
        .slice(1, -1)
        .replace(
            /\\(.)/g,
            (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c
        );
}

describe('soql()', () => {
    it('composes select, where (AND), order by and limit', () => {
        expect(
            soql({
                select: ['Id', 'Owner.Name', 'Id'],
                from: 'Lead',
                where: [
                    cond('IsConverted', '=', false),
                    cond('SystemModstamp', '>', new Date('2026-11-22T12:00:00.750Z')),
                    cond('Id', 'IN', ['00Q000000000001', '00Q000000000002']),
                    cond('OwnerId', '!=', null),
                    cond('NumberOfEmployees', '>=', 50)
                ],
                orderBy: { field: 'CreatedDate', direction: 'DESC' },
                limit: 10
            })
        ).toBe(
            "SELECT Id, Owner.Name FROM Lead WHERE IsConverted = false AND SystemModstamp > 2026-11-22T12:00:00Z AND Id IN ('00Q000000000001', '00Q000000000002') AND OwnerId != null AND NumberOfEmployees >= 50 ORDER BY CreatedDate DESC LIMIT 10"
        );
        expect(soql({ select: ['COUNT()'], from: 'Task' })).toBe('SELECT COUNT() FROM Task');
    });

    it('escapes quotes, backslashes and control characters with one rule', () => {
        expect(soqlString("a'b")).toBe("'a\\'b'");
        expect(soqlString('a\\b')).toBe("'a\\\\b'");
        expect(soqlString('a\nb\r\tc"')).toBe("'a\\nb\\r\\tc\\\"'");
        expect(soqlString("\\'")).toBe("'\\\\\\''");
    });

    it('keeps any value one string literal of one condition (parsed back exactly)', () => {
        fc.assert(
            fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
                const q = soql({
                    select: ['Id'],
                    from: 'Lead',
                    where: [cond('LastName', '=', value)]
                });
                const where = parseSoql(q).where as { left: unknown; right?: unknown };
                expect(where.right).toBeUndefined();
                const left = where.left as { field: string; value: string; literalType: string };
                expect(left.field).toBe('LastName');
                expect(left.literalType).toBe('STRING');
                expect(unquote(left.value)).toBe(value);
            }),
            { numRuns: 300, examples: HOSTILE.map((h) => [h]) }
        );
    });

    it('refuses what is not an API name or not a bindable value', () => {
        const bad = (q: Parameters<typeof soql>[0]) => () => soql(q);
        expect(bad({ select: ['Id, Name'], from: 'Lead' })).toThrow(/Not an API name/);
        expect(bad({ select: ['Id'], from: 'Lead WHERE Id != null' })).toThrow(/Not an API name/);
        expect(bad({ select: ['Id'], from: 'Lead', where: [cond("Name' OR", '=', 'x')] })).toThrow(
            /Not an API name/
        );
        expect(bad({ select: ['Id'], from: 'Lead', where: [cond('Id', 'IN', [])] })).toThrow(
            /non-empty/
        );
        expect(bad({ select: ['Id'], from: 'Lead', where: [cond('Id', '=', ['a'])] })).toThrow(
            /one value/
        );
        expect(bad({ select: ['Id'], from: 'Lead', where: [cond('Id', '>', null)] })).toThrow(
            /null/
        );
        expect(bad({ select: ['Id'], from: 'Lead', where: [cond('X', '=', Number.NaN)] })).toThrow(
            /finite/
        );
        expect(bad({ select: ['Id'], from: 'Lead', limit: 1.5 })).toThrow(/LIMIT/);
        expect(() => soqlDateTime('yesterday')).toThrow(/Not a date-time/);
    });
});

describe('soql() against a local org', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leadloop-soql-'));
    let org: LocalOrg;
    let api: Api;

    beforeAll(async () => {
        org = await startLocalOrg({ dataDir: dir, port: 0 });
        api = new Api(
            new jsforce.Connection({
                instanceUrl: org.instanceUrl,
                accessToken: org.accessToken,
                version: API_VERSION
            })
        );
    }, 60_000);

    afterAll(async () => {
        await org.close();
        rmSync(dir, { recursive: true, force: true });
    });

    it('finds exactly the lead whose name is each hostile value, and nothing else', async () => {
        const created = await api.write(
            'Lead',
            HOSTILE.map((v) => ({ LastName: v, Company: 'Hostile Inc' })),
            'create',
            { bulkThreshold: Infinity }
        );
        expect(created.failures).toEqual([]);
        for (const [i, value] of HOSTILE.entries()) {
            const rows = await api.query(
                soql({
                    select: ['Id', 'LastName'],
                    from: 'Lead',
                    where: [cond('LastName', '=', value)]
                })
            );
            expect(rows, value).toEqual([{ Id: created.ids.get(i), LastName: value }]);
        }
        const ids = [...created.ids.values()];
        const byIds = await api.query(
            soql({ select: ['Id'], from: 'Lead', where: [cond('Id', 'IN', ids)] })
        );
        expect(byIds).toHaveLength(HOSTILE.length);
    }, 60_000);
});
