/**
 * Deploying source into a running local org: the Metadata API's REST deploy (a zip in
 * Metadata API format, multipart) and `sourceDirs` at start. Custom objects, fields and
 * picklists appear in every API at once and survive a restart; what the org cannot deploy
 * is reported per component, and nothing is applied half.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';
import { zipOf } from './zipOf';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function packageXml(types: Record<string, string[]>): string {
    const body = Object.entries(types)
        .map(
            ([name, members]) =>
                `<types>${members.map((m) => `<members>${m}</members>`).join('')}<name>${name}</name></types>`
        )
        .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><Package ${NS}>${body}<version>${API_VERSION}</version></Package>`;
}

const textField = (name: string) =>
    `<fields><fullName>${name}</fullName><label>${name}</label><type>Text</type><length>40</length></fields>`;

/** An object file in Metadata API format (its name is the file's): a picklist, a number, a lookup. */
function widgetObject(extraFields = ''): string {
    return `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}>
        <fields><fullName>Color__c</fullName><label>Color</label><type>Picklist</type>
            <valueSet><restricted>true</restricted><valueSetDefinition>
                <value><fullName>Red</fullName><default>false</default><label>Red</label></value>
                <value><fullName>Blue</fullName><default>false</default><label>Blue</label></value>
            </valueSetDefinition></valueSet></fields>
        <fields><fullName>Size__c</fullName><label>Size</label><type>Number</type><precision>6</precision><scale>0</scale></fields>
        <fields><fullName>Account__c</fullName><label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo>
            <relationshipName>Widgets</relationshipName><deleteConstraint>SetNull</deleteConstraint></fields>
        ${extraFields}
        <label>Widget</label><pluralLabel>Widgets</pluralLabel>
        <nameField><label>Widget Name</label><type>Text</type></nameField>
        <deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>
    </CustomObject>`;
}

interface DeployAnswer {
    id: string;
    deployResult: {
        status: string;
        success: boolean;
        done: boolean;
        numberComponentErrors: number;
        details: {
            componentSuccesses: { componentType: string; fullName: string; created: boolean }[];
            componentFailures: { componentType: string; fullName: string; problem: string }[];
        };
    };
}

async function deploy(
    org: LocalOrg,
    zip: Buffer,
    deployOptions: Record<string, unknown> = {}
): Promise<DeployAnswer['deployResult']> {
    const form = new FormData();
    form.append(
        'file',
        new Blob([new Uint8Array(zip)], { type: 'application/zip' }),
        'package.xml'
    );
    form.append(
        'entity_content',
        new Blob([JSON.stringify({ deployOptions })], { type: 'application/json' })
    );
    const base = `${org.instanceUrl}/services/data/v${API_VERSION}/metadata/deployRequest`;
    const headers = { Authorization: `Bearer ${org.accessToken}` };
    const posted = await fetch(base, { method: 'POST', headers, body: form });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as DeployAnswer;
    const status = await fetch(`${base}/${id}?includeDetails=true`, { headers });
    expect(status.status).toBe(200);
    return ((await status.json()) as DeployAnswer).deployResult;
}

async function describeNames(org: LocalOrg): Promise<string[]> {
    const res = await apiCall(org, '/sobjects');
    return ((await res.json()) as { sobjects: { name: string }[] }).sobjects.map((s) => s.name);
}

let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-deploy-'));
});

afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
});

describe('the REST deploy', () => {
    it('creates objects, fields and picklists that every API serves, and keeps them across a restart', async () => {
        const dataDir = path.join(dir, 'restart');
        let org = await startLocalOrg({ dataDir });
        let widgetId: string;
        try {
            const result = await deploy(
                org,
                zipOf({
                    'package.xml': packageXml({
                        CustomObject: ['Widget__c'],
                        CustomField: [
                            'Widget__c.Color__c',
                            'Widget__c.Size__c',
                            'Widget__c.Account__c',
                            'Account.Tier__c'
                        ]
                    }),
                    'objects/Widget__c.object': widgetObject(),
                    'objects/Account.object': `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}>${textField('Tier__c')}</CustomObject>`
                })
            );
            expect(result).toMatchObject({ status: 'Succeeded', success: true, done: true });
            expect(
                result.details.componentSuccesses.map((c) => `${c.componentType} ${c.fullName}`)
            ).toEqual(
                expect.arrayContaining([
                    'CustomObject Widget__c',
                    'CustomField Widget__c.Color__c',
                    'CustomField Account.Tier__c'
                ])
            );

            const account = await apiCall(org, '/sobjects/Account', {
                method: 'POST',
                body: JSON.stringify({ Name: 'Acme', Tier__c: 'Gold' })
            });
            const accountId = ((await account.json()) as { id: string }).id;
            const created = await apiCall(org, '/sobjects/Widget__c', {
                method: 'POST',
                body: JSON.stringify({
                    Name: 'W1',
                    Color__c: 'Red',
                    Size__c: 3,
                    Account__c: accountId
                })
            });
            expect(created.status).toBe(201);
            widgetId = ((await created.json()) as { id: string }).id;
            const refused = await apiCall(org, '/sobjects/Widget__c', {
                method: 'POST',
                body: JSON.stringify({ Name: 'W2', Color__c: 'Green' })
            });
            expect(((await refused.json()) as { errorCode: string }[])[0].errorCode).toBe(
                'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
            );
            const q = await apiCall(
                org,
                `/query?q=${encodeURIComponent('SELECT Name, Tier__c, (SELECT Name, Color__c FROM Widgets__r) FROM Account')}`
            );
            const rows = ((await q.json()) as { records: Record<string, unknown>[] }).records;
            expect(rows[0]).toMatchObject({
                Name: 'Acme',
                Tier__c: 'Gold',
                Widgets__r: { records: [{ Name: 'W1', Color__c: 'Red' }] }
            });
            const info = await apiCall(org, '/ui-api/object-info/Widget__c');
            expect(
                ((await info.json()) as { fields: Record<string, unknown> }).fields.Color__c
            ).toBeDefined();
        } finally {
            await org.close();
        }

        org = await startLocalOrg({ dataDir });
        try {
            const again = await apiCall(org, `/sobjects/Widget__c/${widgetId}`);
            expect(await again.json()).toMatchObject({ Name: 'W1', Size__c: 3 });
            // A later object gets a new key prefix; the first keeps its own.
            await deploy(
                org,
                zipOf({
                    'package.xml': packageXml({ CustomObject: ['Gadget__c'] }),
                    'objects/Gadget__c.object': widgetObject().replace(
                        '<relationshipName>Widgets</relationshipName>',
                        '<relationshipName>Gadgets</relationshipName>'
                    )
                })
            );
            const gadget = await apiCall(org, '/sobjects/Gadget__c', {
                method: 'POST',
                body: JSON.stringify({ Name: 'G1' })
            });
            const gadgetId = ((await gadget.json()) as { id: string }).id;
            expect(gadgetId.slice(0, 3)).not.toBe(widgetId.slice(0, 3));
        } finally {
            await org.close();
        }
    });

    it('reports what it cannot deploy per component and applies nothing', async () => {
        const org = await startLocalOrg({ dataDir: ':memory:' });
        try {
            const files = {
                'package.xml': packageXml({
                    CustomObject: ['Part__c'],
                    ApexClass: ['PartService'],
                    CustomField: ['Part__c.Html__c', 'Part__c.Owner__c']
                }),
                'objects/Part__c.object': widgetObject(
                    `<fields><fullName>Html__c</fullName><label>Html</label><type>Html</type><length>100</length></fields>
                     <fields><fullName>Owner__c</fullName><label>Owner</label><type>Lookup</type><referenceTo>Nowhere__c</referenceTo><relationshipName>Parts</relationshipName></fields>`
                ).replace(
                    '<relationshipName>Widgets</relationshipName>',
                    '<relationshipName>Parts</relationshipName>'
                ),
                'classes/PartService.cls': 'public class PartService {}'
            };
            const all = await deploy(org, zipOf(files));
            expect(all.status).toBe('Failed');
            const failures = all.details.componentFailures.map(
                (f) => `${f.componentType} ${f.fullName}: ${f.problem}`
            );
            expect(failures).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(
                        /^ApexClass PartService: The local org does not deploy ApexClass/
                    ),
                    expect.stringMatching(
                        /^CustomField Part__c\.Html__c: .*unsupported field type "Html"/
                    ),
                    expect.stringMatching(
                        /^CustomField Part__c\.Owner__c: referenceTo value of 'Nowhere__c'/
                    )
                ])
            );
            expect(all.details.componentSuccesses).toEqual([]);
            expect(await describeNames(org)).not.toContain('Part__c');

            const checkOnly = await deploy(
                org,
                zipOf({
                    'package.xml': packageXml({ CustomObject: ['Part__c'] }),
                    'objects/Part__c.object': files['objects/Part__c.object']
                }),
                { checkOnly: true, rollbackOnError: false }
            );
            expect(checkOnly.status).toBe('SucceededPartial');
            expect(await describeNames(org)).not.toContain('Part__c');

            const partial = await deploy(org, zipOf(files), { rollbackOnError: false });
            expect(partial.status).toBe('SucceededPartial');
            const describe = await apiCall(org, '/sobjects/Part__c/describe');
            const fields = ((await describe.json()) as { fields: { name: string }[] }).fields.map(
                (f) => f.name
            );
            expect(fields).toContain('Color__c');
            expect(fields).not.toContain('Html__c');
            expect(fields).not.toContain('Owner__c');
        } finally {
            await org.close();
        }
    });

    it('answers a bad upload with a failed deploy that says why', async () => {
        const org = await startLocalOrg({ dataDir: ':memory:' });
        try {
            const notZip = await deploy(org, Buffer.from('not a zip at all'));
            expect(notZip.status).toBe('Failed');
            expect(notZip.details.componentFailures[0].problem).toMatch(/not a zip archive/);
            const noPackage = await deploy(org, zipOf({ 'objects/A__c.object': widgetObject() }));
            expect(noPackage.details.componentFailures[0].problem).toBe('No package.xml found');
            // A standard field retrieved with its object is left alone; a new object needs __c.
            const standard = await deploy(
                org,
                zipOf({
                    'package.xml': packageXml({
                        CustomObject: ['Gizmo'],
                        CustomField: ['Account.Industry', 'Gizmo.Size__c']
                    }),
                    'objects/Account.object': `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><fields><fullName>Industry</fullName><type>Picklist</type></fields></CustomObject>`,
                    'objects/Gizmo.object': widgetObject()
                })
            );
            expect(
                standard.details.componentFailures.map((f) => `${f.componentType} ${f.fullName}`)
            ).toEqual(['CustomObject Gizmo', 'CustomField Gizmo.Size__c']);
            expect(await describeNames(org)).not.toContain('Gizmo');
            const missing = await deploy(
                org,
                zipOf({ 'package.xml': packageXml({ CustomObject: ['Ghost__c'] }) })
            );
            expect(missing.details.componentFailures[0].problem).toMatch(
                /Ghost__c' of type CustomObject was named in package.xml, but was not found/
            );
            const res = await apiCall(org, '/metadata/deployRequest', {
                method: 'POST',
                body: '{}'
            });
            expect(res.status).toBe(400);
            expect((await apiCall(org, '/metadata/deployRequest/0AfNOPE')).status).toBe(404);
        } finally {
            await org.close();
        }
    });
});

describe('source folders at start', () => {
    it("adds a source folder's custom objects and fields", async () => {
        const objects = path.join(dir, 'src/main/default/objects/Thing__c');
        mkdirSync(path.join(objects, 'fields'), { recursive: true });
        writeFileSync(
            path.join(objects, 'Thing__c.object-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><label>Thing</label><pluralLabel>Things</pluralLabel><nameField><label>Thing Name</label><type>Text</type></nameField></CustomObject>`
        );
        writeFileSync(
            path.join(objects, 'fields/Weight__c.field-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>Weight__c</fullName><label>Weight</label><type>Number</type><precision>8</precision><scale>2</scale></CustomField>`
        );
        const org = await startLocalOrg({
            dataDir: ':memory:',
            sourceDirs: [path.join(dir, 'src')]
        });
        try {
            const res = await apiCall(org, '/sobjects/Thing__c', {
                method: 'POST',
                body: JSON.stringify({ Name: 'T', Weight__c: 1.25 })
            });
            expect(res.status).toBe(201);
        } finally {
            await org.close();
        }
        await expect(
            startLocalOrg({ dataDir: ':memory:', sourceDirs: [path.join(dir, 'missing')] })
        ).rejects.toThrow(/missing: is not a folder/);
    });
});
