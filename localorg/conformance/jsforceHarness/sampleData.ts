/**
 * The sample data a scratch org is created with (`"hasSampleData": true` in jsforce's
 * `test/org-setup/project-scratch-def.json`): accounts with their contacts and opportunities,
 * which jsforce's sobject suite finds, sorts and joins.
 */
import type { Connection } from 'jsforce';

type Sample = [account: string, contacts: string[], opportunities: [string, string, string][]];

const SAMPLE: Sample[] = [
    [
        'Edge Communications',
        ['Rose Gonzalez', 'Sean Forbes'],
        [
            ['Edge Emergency Generator', 'Closed Won', '2025-05-18'],
            ['Edge Installation', 'Closed Won', '2025-11-02']
        ]
    ],
    [
        'Burlington Textiles Corp of America',
        ['Jack Rogers'],
        [['Burlington Textiles Weaving Plant Generator', 'Closed Won', '2025-06-29']]
    ],
    [
        'Pyramid Construction Inc.',
        ['Pat Stumuller'],
        [['Pyramid Emergency Generators', 'Prospecting', '2026-03-14']]
    ],
    [
        'Dickenson plc',
        ['Andy Young'],
        [['Dickenson Mobile Generators', 'Qualification', '2026-01-09']]
    ],
    [
        'Grand Hotels & Resorts Ltd',
        ['Tim Barr', 'John Bond'],
        [
            ['Grand Hotels Kitchen Generator', 'Id. Decision Makers', '2026-02-20'],
            ['Grand Hotels Emergency Generators', 'Closed Won', '2025-04-11'],
            ['Grand Hotels Guest Portable Generators', 'Value Proposition', '2026-04-30']
        ]
    ],
    [
        'United Oil & Gas Corp.',
        ['Stella Pavlova', 'Lauren Boyle', 'Arthur Song', 'Avi Green'],
        [
            ['United Oil Office Portable Generators', 'Negotiation/Review', '2026-02-01'],
            ['United Oil Installations', 'Closed Won', '2025-09-15'],
            ['United Oil Refinery Generators', 'Proposal/Price Quote', '2026-05-22'],
            ['United Oil SLA', 'Closed Won', '2025-08-03'],
            ['United Oil Plant Standby Generators', 'Needs Analysis', '2026-06-12']
        ]
    ],
    [
        'Express Logistics and Transport',
        ['Babara Levy', 'Josh Davis'],
        [
            ['Express Logistics Standby Generator', 'Closed Won', '2025-07-07'],
            ['Express Logistics Portable Truck Generators', 'Value Proposition', '2026-03-28'],
            ['Express Logistics SLA', 'Perception Analysis', '2026-01-17']
        ]
    ],
    [
        'University of Arizona',
        ['Jane Grey'],
        [
            ['University of AZ Portable Generators', 'Closed Won', '2025-10-10'],
            ['University of AZ Installations', 'Proposal/Price Quote', '2026-02-26'],
            ['University of AZ SLA', 'Closed Won', '2025-12-19']
        ]
    ],
    [
        'United Oil & Gas, UK',
        ['Ashley James'],
        [['United Oil Emergency Generators', 'Closed Won', '2025-03-30']]
    ],
    [
        'United Oil & Gas, Singapore',
        ['Tom Ripley', "Liz D'Cruz"],
        [['United Oil Standby Generators', 'Closed Lost', '2025-09-01']]
    ],
    [
        'GenePoint',
        ['Edna Frank'],
        [
            ['GenePoint Standby Generator', 'Closed Won', '2025-08-24'],
            ['GenePoint Lab Generators', 'Id. Decision Makers', '2026-04-05'],
            ['GenePoint SLA', 'Closed Won', '2025-06-06']
        ]
    ],
    ['sForce', ['Siddartha Nedaerk', 'Jake Llorrac'], []]
];

/** Creates the sample accounts, contacts and opportunities through the REST API. */
export async function createSampleData(conn: Connection): Promise<void> {
    const created = await conn.sobject('Account').create(
        SAMPLE.map(([Name]) => ({ Name })),
        { allOrNone: true }
    );
    const accountIds = created.map((r) => (r.success ? r.id : ''));
    const contacts = SAMPLE.flatMap(([, names], i) =>
        names.map((name) => {
            const [FirstName, LastName] = name.split(' ');
            return { FirstName, LastName, AccountId: accountIds[i] };
        })
    );
    const opportunities = SAMPLE.flatMap(([, , opps], i) =>
        opps.map(([Name, StageName, CloseDate]) => ({
            Name,
            StageName,
            CloseDate,
            AccountId: accountIds[i]
        }))
    );
    await conn.sobject('Contact').create(contacts, { allOrNone: true });
    await conn.sobject('Opportunity').create(opportunities, { allOrNone: true });
}
