/**
 * The real sf CLI (`@salesforce/cli` 2.138.0) against a local org, one
 * process per command, as a user runs it after `npm start`: each command's
 * exit code and JSON, and the data read back from the org afterwards.
 * `npm test` runs a fast subset (localorg/test/sfcli.test.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSoql } from '../src/store/soql';
import { ALIAS, startSfSession, type SfSession } from '../test/sfCli';

let s: SfSession;
const o = ['-o', ALIAS];
/** `sf <command words> <more args> -o local --json`: the words split on spaces, the rest as is. */
const sf = (words: string, ...args: string[]) => s.sf([...words.split(' '), ...args, ...o]);
/** The same without --json (the table or CSV a user sees). */
const sfHuman = (words: string, ...args: string[]) =>
    s.sf([...words.split(' '), ...args, ...o], { human: true });

interface Lead {
    Id: string;
    LastName: string;
    Company: string;
    Status?: string;
    LL_Source_Id__c?: string | null;
}

beforeAll(async () => {
    s = await startSfSession();
    for (const [LastName, Company] of [
        ['Lovelace', 'Analytical Engines'],
        ['Hopper', 'Navy'],
        ['Turing', 'Bletchley']
    ])
        s.org.store.create('Lead', { LastName, Company, Status: 'New' });
});

afterAll(() => s?.close());

const file = (name: string, text: string) => {
    writeFileSync(path.join(s.dir, name), text);
    return name;
};

describe('sf org', () => {
    it('org display names the org, the user and the instance', async () => {
        const out = await sf('org display');
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({
            id: expect.stringMatching(/^00D[0-9A-Za-z]{15}$/),
            username: s.org.username,
            apiVersion: s.org.apiVersion,
            connectedStatus: 'Connected',
            alias: ALIAS
        });
        // The CLI keeps the instance URL with a trailing slash: every later path starts `//`.
        expect((out.json.result as { instanceUrl: string }).instanceUrl).toBe(
            `${s.org.instanceUrl}/`
        );
    });
});

describe('sf data query', () => {
    it('--json answers the records', async () => {
        const out = await sf(
            'data query -q',
            'SELECT LastName, Company FROM Lead ORDER BY LastName'
        );
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({
            totalSize: 3,
            done: true,
            records: [
                { LastName: 'Hopper', Company: 'Navy' },
                { LastName: 'Lovelace', Company: 'Analytical Engines' },
                { LastName: 'Turing', Company: 'Bletchley' }
            ]
        });
    });

    it('prints a table with parent paths (the columns come from columns=true)', async () => {
        const out = await sfHuman(
            'data query -q',
            "SELECT LastName, Owner.Name FROM Lead WHERE LastName = 'Hopper'"
        );
        expect(out.code).toBe(0);
        // The separator is the CI shell's table style (SF_TABLE_BORDER_STYLE) if it overrides ours.
        expect(out.stdout).toMatch(/LASTNAME\s*│?\s*OWNER\.NAME/);
        expect(out.stdout).toMatch(/Hopper\s*│?\s*Ada Admin/);
        expect(out.stdout).toContain('Total number of records retrieved: 1.');
    });

    it('writes CSV with child subqueries', async () => {
        const out = await sfHuman(
            'data query -q',
            "SELECT LastName, Company FROM Lead WHERE Company = 'Navy'",
            '-r',
            'csv'
        );
        expect(out.code).toBe(0);
        expect(out.stdout.trim().split('\n')).toEqual(['LastName,Company', 'Hopper,Navy']);
    });

    it('a malformed query exits 1 with the platform error', async () => {
        const out = await sf('data query -q', 'SELECT FROM Lead');
        expect(out.code).toBe(1);
        expect(out.json).toMatchObject({ status: 1, name: 'MALFORMED_QUERY' });
    });

    it('data export bulk runs the query through Bulk API 2.0', async () => {
        const out = await sf(
            'data export bulk -q',
            'SELECT LastName, Company FROM Lead ORDER BY LastName',
            '--output-file',
            'leads.csv',
            '--wait',
            '2'
        );
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({ totalSize: 3 });
        const csv = readFileSync(path.join(s.dir, 'leads.csv'), 'utf8');
        expect(csv.trim().split('\n')).toEqual([
            '"LastName","Company"',
            '"Hopper","Navy"',
            '"Lovelace","Analytical Engines"',
            '"Turing","Bletchley"'
        ]);
    });
});

describe('sf data search and SOQL beyond simple selects', () => {
    it('data search --json answers searchRecords (SOSL over /search)', async () => {
        const out = await sf(
            'data search -q',
            'FIND {Hopper OR Turing} IN NAME FIELDS RETURNING Lead(LastName, Company ORDER BY LastName)'
        );
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({
            searchRecords: [
                { attributes: { type: 'Lead' }, LastName: 'Hopper', Company: 'Navy' },
                { attributes: { type: 'Lead' }, LastName: 'Turing', Company: 'Bletchley' }
            ]
        });
    });

    it('data search prints one table per object; a malformed search exits 1', async () => {
        const out = await sfHuman('data search -q', 'FIND {Lovelace} RETURNING Lead(LastName)');
        expect(out.code).toBe(0);
        expect(out.stdout).toMatch(/Lead/);
        expect(out.stdout).toMatch(/Lovelace/);
        const bad = await sf('data search -q', 'FIND Lovelace');
        expect(bad.code).toBe(1);
        expect(bad.json).toMatchObject({ status: 1, name: 'MALFORMED_SEARCH' });
    });

    it('data query with an anti-join and FIELDS(STANDARD) as CSV', async () => {
        const out = await sfHuman(
            'data query -q',
            "SELECT FIELDS(STANDARD) FROM Lead WHERE LastName = 'Hopper' AND Id NOT IN (SELECT WhoId FROM Task)",
            '-r',
            'csv'
        );
        expect(out.code).toBe(0);
        const [header, row] = out.stdout.trim().split('\n');
        expect(header.split(',')).toEqual(
            expect.arrayContaining(['Id', 'LastName', 'Company', 'Status'])
        );
        expect(row).toContain('Hopper');
    });

    it('data query with date functions and an address compound field (--json)', async () => {
        const year = new Date().getUTCFullYear();
        const grouped = await sf(
            'data query -q',
            'SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) FROM Lead GROUP BY CALENDAR_YEAR(CreatedDate)'
        );
        expect(grouped.code).toBe(0);
        const leads = runSoql(s.org.store, 'SELECT COUNT() FROM Lead').totalSize;
        expect(grouped.json.result).toMatchObject({ records: [{ y: year, expr0: leads }] });
        s.org.store.create('Account', { Name: 'Babbage', BillingCity: 'London' });
        const address = await sf(
            'data query -q',
            "SELECT Name, BillingAddress FROM Account WHERE Name = 'Babbage'"
        );
        expect(address.code).toBe(0);
        expect(address.json.result).toMatchObject({
            records: [{ Name: 'Babbage', BillingAddress: { city: 'London', street: null } }]
        });
    });
});

describe('sf data create|get|update|delete record', () => {
    let id = '';

    it('create record', async () => {
        const out = await sf(
            'data create record -s Lead -v',
            "LastName=Hamilton Company='Draper Lab' Status=Working"
        );
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({ success: true, errors: [] });
        id = (out.json.result as { id: string }).id;
        expect(id).toMatch(/^00Q[0-9A-Za-z]{15}$/);
        expect(await s.query(`SELECT Company, Status FROM Lead WHERE Id = '${id}'`)).toMatchObject([
            { Company: 'Draper Lab', Status: 'Working' }
        ]);
    });

    it('get record by id and by where', async () => {
        const byId = await sf('data get record -s Lead -i', id);
        expect(byId.code).toBe(0);
        expect(byId.json.result).toMatchObject({ Id: id, LastName: 'Hamilton' });
        const byWhere = await sf('data get record -s Lead -w LastName=Hamilton');
        expect(byWhere.json.result).toMatchObject({ Id: id, Company: 'Draper Lab' });
    });

    it('update record', async () => {
        const out = await sf('data update record -s Lead -i', id, '-v', 'Company=NASA');
        expect(out.code).toBe(0);
        expect(await s.query(`SELECT Company FROM Lead WHERE Id = '${id}'`)).toMatchObject([
            { Company: 'NASA' }
        ]);
    });

    it('a bad value exits 1 with the field error and changes nothing', async () => {
        const out = await sf('data update record -s Lead -i', id, '-v', 'Status=Bogus');
        expect(out.code).toBe(1);
        expect(out.json.name).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        expect(await s.query(`SELECT Status FROM Lead WHERE Id = '${id}'`)).toMatchObject([
            { Status: 'Working' }
        ]);
    });

    it('delete record, then get answers NOT_FOUND', async () => {
        const out = await sf('data delete record -s Lead -i', id);
        expect(out.code).toBe(0);
        expect(await s.query(`SELECT Id FROM Lead WHERE Id = '${id}'`)).toEqual([]);
        const gone = await sf('data get record -s Lead -i', id);
        expect(gone.code).toBe(1);
        expect(gone.json.name).toBe('NOT_FOUND');
    });
});

describe('sf data import|upsert|update|delete bulk (Bulk API 2.0)', () => {
    const bulk = (command: string, extra: string[]) =>
        sf(`data ${command} bulk -s Lead --wait 2 --line-ending LF`, ...extra);

    it('import bulk inserts every row', async () => {
        const out = await bulk('import', [
            '-f',
            file(
                'insert.csv',
                'LastName,Company,LL_Source_Id__c\nCurie,Sorbonne,src-1\nMeitner,KWI,src-2\n'
            )
        ]);
        expect(out.code).toBe(0);
        expect(out.json.result).toMatchObject({
            processedRecords: 2,
            successfulRecords: 2,
            failedRecords: 0
        });
        expect(
            await s.query<Lead>(
                'SELECT LastName, Company FROM Lead WHERE LL_Source_Id__c != null ORDER BY LastName'
            )
        ).toMatchObject([
            { LastName: 'Curie', Company: 'Sorbonne' },
            { LastName: 'Meitner', Company: 'KWI' }
        ]);
    });

    it('upsert bulk updates by external id and creates the rest', async () => {
        const out = await bulk('upsert', [
            '-i',
            'LL_Source_Id__c',
            '-f',
            file(
                'upsert.csv',
                'LL_Source_Id__c,LastName,Company\nsrc-1,Curie,Radium Institute\nsrc-3,Noether,Göttingen\n'
            )
        ]);
        expect(out.code).toBe(0);
        const rows = await s.query<Lead>(
            'SELECT LL_Source_Id__c, Company FROM Lead WHERE LL_Source_Id__c != null ORDER BY LL_Source_Id__c'
        );
        expect(rows).toMatchObject([
            { LL_Source_Id__c: 'src-1', Company: 'Radium Institute' },
            { LL_Source_Id__c: 'src-2', Company: 'KWI' },
            { LL_Source_Id__c: 'src-3', Company: 'Göttingen' }
        ]);
    });

    it('update bulk applies the good rows; the bad one is in the job results', async () => {
        const [meitner] = await s.query<Lead>(
            "SELECT Id FROM Lead WHERE LL_Source_Id__c = 'src-2'"
        );
        const bad = `${meitner.Id.slice(0, 15)}XYZ`;
        const out = await bulk('update', [
            '-f',
            file('update.csv', `Id,Status\n${meitner.Id},Working\n${bad},Working\n`)
        ]);
        // The CLI exits 1 when any row failed, naming the job.
        expect(out.code).toBe(1);
        expect(out.json).toMatchObject({
            name: 'FailedRecordDetailsError',
            data: { state: 'JobComplete' }
        });
        expect(
            await s.query<Lead>(`SELECT Status FROM Lead WHERE Id = '${meitner.Id}'`)
        ).toMatchObject([{ Status: 'Working' }]);
        const { jobId } = out.json.data as { jobId: string };
        const results = await sf('data bulk results --job-id', jobId);
        expect(results.code).toBe(0);
        expect(results.json.result).toMatchObject({
            processedRecords: 2,
            successfulRecords: 1,
            failedRecords: 1,
            operation: 'update',
            object: 'Lead'
        });
        const failed = readFileSync(
            path.join(s.dir, (results.json.result as { failedFilePath: string }).failedFilePath),
            'utf8'
        );
        expect(failed).toContain(bad);
        expect(failed).toContain('MALFORMED_ID');
    });

    it('delete bulk removes the listed records', async () => {
        const rows = await s.query<Lead>('SELECT Id FROM Lead WHERE LL_Source_Id__c != null');
        const out = await bulk('delete', [
            '-f',
            file('delete.csv', `Id\n${rows.map((r) => r.Id).join('\n')}\n`)
        ]);
        expect(out.code).toBe(0);
        expect(await s.query('SELECT Id FROM Lead WHERE LL_Source_Id__c != null')).toEqual([]);
    });
});

describe('sf data export|import tree (composite tree)', () => {
    beforeAll(() => {
        const account = s.org.store.create('Account', { Name: 'Acme' });
        s.org.store.create('Contact', { LastName: 'Coyote', AccountId: account });
        s.org.store.create('Contact', { LastName: 'Runner', AccountId: account });
    });

    const treeQuery =
        "SELECT Id, Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name = 'Acme'";

    it('export tree writes the parent with its children', async () => {
        const out = await sf('data export tree -q', treeQuery, '-d', 'tree');
        expect(out.code).toBe(0);
        const tree = JSON.parse(
            readFileSync(path.join(s.dir, 'tree', 'Account-Contact.json'), 'utf8')
        ) as { records: { Name: string; Contacts: { records: { LastName: string }[] } }[] };
        expect(tree.records).toMatchObject([
            {
                Name: 'Acme',
                Contacts: { records: [{ LastName: 'Coyote' }, { LastName: 'Runner' }] }
            }
        ]);
    });

    it('import tree creates the copy, children linked to the new parent', async () => {
        const out = await sf('data import tree -f tree/Account-Contact.json');
        expect(out.code).toBe(0);
        expect(out.json.result).toHaveLength(3);
        const accounts = await s.query<{ Id: string; Contacts: { records: unknown[] } | null }>(
            "SELECT Id, (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Acme'"
        );
        expect(accounts).toHaveLength(2);
        for (const a of accounts) expect(a.Contacts?.records).toHaveLength(2);
    });

    it('export --plan and import --plan (one file per object, references resolved)', async () => {
        const out = await sf(
            'data export tree -q',
            treeQuery.replace("WHERE Name = 'Acme'", "WHERE Name = 'Acme' LIMIT 1"),
            '-d',
            'plan',
            '--plan'
        );
        expect(out.code).toBe(0);
        const imported = await sf('data import tree -p plan/Account-Contact-plan.json');
        expect(imported.code).toBe(0);
        expect(await s.query("SELECT Id FROM Account WHERE Name = 'Acme'")).toHaveLength(3);
        expect(await s.query("SELECT Id FROM Contact WHERE Account.Name = 'Acme'")).toHaveLength(6);
    });

    it('a tree with a bad record writes nothing and names the record', async () => {
        file(
            'bad-tree.json',
            JSON.stringify({
                records: [
                    {
                        attributes: { type: 'Account', referenceId: 'Good' },
                        Name: 'Half Written',
                        Contacts: {
                            records: [
                                {
                                    attributes: { type: 'Contact', referenceId: 'NoName' },
                                    FirstName: 'Ann'
                                }
                            ]
                        }
                    }
                ]
            })
        );
        const out = await sf('data import tree -f bad-tree.json');
        expect(out.code).toBe(1);
        expect(JSON.stringify(out.json)).toContain('NoName');
        expect(await s.query("SELECT Id FROM Account WHERE Name = 'Half Written'")).toEqual([]);
    });
});

describe('sf sobject list|describe', () => {
    it('sobject list names standard and custom objects', async () => {
        const all = await sf('sobject list -s all');
        expect(all.code).toBe(0);
        expect(all.json.result).toEqual(
            expect.arrayContaining(['Lead', 'Account', 'LL_Settings__c'])
        );
        const custom = await sf('sobject list -s custom');
        expect(custom.json.result).toContain('LL_Settings__c');
        expect(custom.json.result).not.toContain('Lead');
    });

    it('sobject describe answers the fields and picklist values', async () => {
        const out = await sf('sobject describe -s Lead');
        expect(out.code).toBe(0);
        const describe = out.json.result as {
            name: string;
            fields: { name: string; picklistValues: { value: string }[] }[];
        };
        expect(describe.name).toBe('Lead');
        const status = describe.fields.find((f) => f.name === 'Status');
        expect(status?.picklistValues.map((p) => p.value)).toContain('Qualified');
    });
});

describe('sf project deploy start (REST deploy) and the deployed object', () => {
    const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
    let project: string;

    beforeAll(async () => {
        project = path.join(s.dir, 'project');
        const objectDir = path.join(project, 'force-app/main/default/objects/Widget__c');
        mkdirSync(path.join(objectDir, 'fields'), { recursive: true });
        writeFileSync(
            path.join(project, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: s.org.apiVersion
            })
        );
        writeFileSync(
            path.join(objectDir, 'Widget__c.object-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${ns}><label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Widget Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel></CustomObject>`
        );
        writeFileSync(
            path.join(objectDir, 'fields/Size__c.field-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomField ${ns}><fullName>Size__c</fullName><label>Size</label><type>Number</type><precision>6</precision><scale>0</scale></CustomField>`
        );
        writeFileSync(
            path.join(objectDir, 'fields/Color__c.field-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomField ${ns}><fullName>Color__c</fullName><label>Color</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>Red</fullName><default>false</default><label>Red</label></value><value><fullName>Blue</fullName><default>false</default><label>Blue</label></value></valueSetDefinition></valueSet></CustomField>`
        );
        // sf deploys over SOAP unless this config is set; the local org serves the REST deploy.
        const config = await s.sf(['config', 'set', 'org-metadata-rest-deploy=true', '--global']);
        expect(config.code).toBe(0);
    });

    it('deploys a custom object with its fields; data create record and data query use it', async () => {
        const deployed = await s.sf(
            ['project', 'deploy', 'start', '--source-dir', 'force-app', ...o],
            {
                cwd: project
            }
        );
        expect(deployed.code).toBe(0);
        expect(deployed.json.result).toMatchObject({ status: 'Succeeded', success: true });
        const files = (deployed.json.result as { files: { fullName: string; state: string }[] })
            .files;
        expect(files.map((f) => `${f.fullName} ${f.state}`)).toEqual(
            expect.arrayContaining([
                'Widget__c Created',
                'Widget__c.Size__c Created',
                'Widget__c.Color__c Created'
            ])
        );
        const created = await sf(
            'data create record',
            '-s',
            'Widget__c',
            '-v',
            'Name=W1 Size__c=3 Color__c=Red'
        );
        expect(created.code).toBe(0);
        expect(await s.query('SELECT Name, Size__c, Color__c FROM Widget__c')).toMatchObject([
            { Name: 'W1', Size__c: 3, Color__c: 'Red' }
        ]);
        const refused = await sf(
            'data create record',
            '-s',
            'Widget__c',
            '-v',
            'Name=W2 Color__c=Green'
        );
        expect(refused.code).toBe(1);
        expect(refused.json.name).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    });

    it('a type the local org does not deploy fails the deploy per component and applies nothing', async () => {
        const classes = path.join(project, 'force-app/main/default/classes');
        mkdirSync(classes, { recursive: true });
        writeFileSync(path.join(classes, 'WidgetService.cls'), 'public class WidgetService {}');
        writeFileSync(
            path.join(classes, 'WidgetService.cls-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><ApexClass ${ns}><apiVersion>${s.org.apiVersion}</apiVersion><status>Active</status></ApexClass>`
        );
        const objectDir = path.join(project, 'force-app/main/default/objects/Widget__c');
        writeFileSync(
            path.join(objectDir, 'fields/Weight__c.field-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?><CustomField ${ns}><fullName>Weight__c</fullName><label>Weight</label><type>Number</type><precision>8</precision><scale>2</scale></CustomField>`
        );
        const out = await s.sf(['project', 'deploy', 'start', '--source-dir', 'force-app', ...o], {
            cwd: project
        });
        expect(out.code).toBe(1);
        expect(JSON.stringify(out.json)).toContain('The local org does not deploy ApexClass');
        const describe = await sf('sobject describe -s Widget__c');
        const names = (describe.json.result as { fields: { name: string }[] }).fields.map(
            (f) => f.name
        );
        expect(names).not.toContain('Weight__c');
    });
});
