/**
 * The org's tables and indexes: the indexes are the platform's standard ones among the fields
 * the org is queried by, and a data directory made by an earlier version loses the indexes the
 * org no longer keeps (each costs every insert a B-tree write).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrgDatabase, type OrgDatabase } from '../src/store/org';

const indexesOf = (org: OrgDatabase, table: string) =>
    (org.db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number }[])
        .filter((i) => i.name.startsWith('ix_'))
        .map((i) => `${i.name}${i.unique ? ' (unique)' : ''}`)
        .sort();

describe('the org tables’ indexes', () => {
    let dir = '';
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('indexes the standard indexed fields of Lead, not Status or LastModifiedDate', () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-tables-'));
        const org = openOrgDatabase(dir);
        try {
            expect(indexesOf(org, 'Lead')).toEqual([
                'ix_Lead_CreatedDate',
                'ix_Lead_Email',
                'ix_Lead_LL_Source_Id__c (unique)',
                'ix_Lead_OwnerId',
                'ix_Lead_SystemModstamp'
            ]);
        } finally {
            org.close();
        }
    });

    it('drops the indexes an earlier version made that no field wants, keeping the rows', () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-tables-'));
        let org = openOrgDatabase(dir);
        const id = org.store.create('Lead', { LastName: 'Kept', Company: 'Acme', Status: 'New' });
        org.db.exec('CREATE INDEX "ix_Lead_Status" ON "Lead" ("Status")');
        org.db.exec('CREATE INDEX "ix_Lead_LastModifiedDate" ON "Lead" ("LastModifiedDate")');
        // Not the org's own (no ix_ prefix): left alone.
        org.db.exec('CREATE INDEX "my_lead_city" ON "Lead" ("City")');
        org.close();
        org = openOrgDatabase(dir);
        try {
            const names = indexesOf(org, 'Lead');
            expect(names).not.toContain('ix_Lead_Status');
            expect(names).not.toContain('ix_Lead_LastModifiedDate');
            expect(names).toContain('ix_Lead_Email');
            const all = org.db.prepare(`PRAGMA index_list("Lead")`).all() as { name: string }[];
            expect(all.map((i) => i.name)).toContain('my_lead_city');
            expect(org.store.get('Lead', id)?.LastName).toBe('Kept');
        } finally {
            org.close();
        }
    });
});
