/**
 * Companies, split into customers (the accounts, contacts and deals are made for them) and
 * prospects (every other lead's company), and the CRM records made for customers.
 */
import { MS_PER_DAY, normalizeCompany, SOURCE_ID_FIELD } from '../../../../core/src/index';
import type { DemoRecords, Draws } from './draws';
import { OTHER_TITLES, type Person } from './people';

export const INDUSTRIES = [
    'Technology',
    'Software',
    'Financial Services',
    'Insurance',
    'Healthcare',
    'Manufacturing',
    'Retail',
    'Telecommunications',
    'Consulting',
    'Media',
    'Education',
    'Government',
    'Hospitality',
    'Transportation'
];
export const COUNTRIES = [
    'United States',
    'United States',
    'United States',
    'Canada',
    'United Kingdom',
    'Germany',
    'France',
    'Netherlands',
    'Australia',
    'Brazil',
    'India',
    'Japan',
    'Spain',
    'Mexico'
];
const TLDS = ['com', 'com', 'com', 'io', 'net', 'co', 'de', 'co.uk'];
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote'];

export interface Company {
    name: string;
    domain: string;
    industry: string;
    employees: number;
    country: string;
    accountKey?: string;
}

/** About one company per three leads, each with a unique domain; customers and prospects. */
export function demoCompanies(
    d: Draws,
    leadCount: number
): { companies: Company[]; customers: Company[]; prospects: Company[] } {
    const { f, pick } = d;
    const companyCount = Math.max(5, Math.ceil(leadCount / 3));
    const companies: Company[] = [];
    const domains = new Set<string>();
    for (let i = 0; i < companyCount; i++) {
        const name = f.company.name();
        const slug = name
            .toLowerCase()
            .replace(/&/g, 'and')
            .replace(/[^a-z0-9]+/g, '')
            .slice(0, 24);
        let domain = `${slug}.${pick(TLDS)}`;
        for (let n = 2; domains.has(domain); n++) domain = `${slug}${n}.${pick(TLDS)}`;
        domains.add(domain);
        companies.push({
            name,
            domain,
            industry: pick(INDUSTRIES),
            employees: pick([
                f.number.int({ min: 2, max: 9 }),
                f.number.int({ min: 10, max: 49 }),
                f.number.int({ min: 50, max: 999 }),
                f.number.int({ min: 50, max: 999 }),
                f.number.int({ min: 1000, max: 9999 }),
                f.number.int({ min: 10000, max: 120000 })
            ]),
            country: pick(COUNTRIES)
        });
    }
    // Customers (the companies accounts, contacts and deals are made for) and prospects
    // (every other lead's company) never share a name once legal forms are stripped, so a
    // lead planted clean never matches a customer account that opened a deal.
    const nameOf = (c: Company) => normalizeCompany(c.name) ?? c.name;
    const customerNames = new Set<string>();
    const seenNames = new Set<string>();
    companies.forEach((company, i) => {
        if (!seenNames.has(nameOf(company)) && i % 3 === 0) customerNames.add(nameOf(company));
        seenNames.add(nameOf(company));
    });
    const customers = companies.filter((c) => customerNames.has(nameOf(c)));
    const prospects = companies.filter((c) => !customerNames.has(nameOf(c)));
    return { companies, customers, prospects };
}

/** Adds an account (once per company), contacts and opportunities; each returns the key. */
export function crmRecords(d: Draws, records: DemoRecords) {
    const { f, pick, iso, day } = d;
    const { accounts, contacts, opportunities } = records;
    const accountFor = (company: Company, owner: string): string => {
        if (!company.accountKey) {
            const key = `account-${String(accounts.length + 1).padStart(5, '0')}`;
            company.accountKey = key;
            accounts.push({
                key,
                fields: {
                    Name: company.name,
                    Industry: company.industry,
                    Website: `https://www.${company.domain}`,
                    NumberOfEmployees: company.employees,
                    BillingCountry: company.country,
                    [SOURCE_ID_FIELD]: key
                },
                refs: { OwnerId: owner }
            });
        }
        return company.accountKey;
    };
    const contactFor = (
        accountKey: string,
        person: Person,
        email: string,
        title: string,
        owner: string,
        created: Date
    ): string => {
        const key = `contact-${String(contacts.length + 1).padStart(5, '0')}`;
        contacts.push({
            key,
            fields: {
                FirstName: person.first,
                LastName: person.last,
                Email: email,
                Title: title,
                Phone: f.phone.number({ style: 'national' }),
                CreatedDate: iso(created),
                [SOURCE_ID_FIELD]: key
            },
            refs: { AccountId: accountKey, OwnerId: owner }
        });
        return key;
    };
    const opportunityFor = (
        accountKey: string | null,
        company: Company,
        owner: string,
        created: Date,
        won: boolean,
        lost = false
    ): string => {
        const key = `opportunity-${String(opportunities.length + 1).padStart(5, '0')}`;
        const close = new Date(created.getTime() + f.number.int({ min: 20, max: 90 }) * MS_PER_DAY);
        opportunities.push({
            key,
            fields: {
                Name: `${company.name} – ${pick(['Platform', 'Expansion', 'Pilot', 'Renewal'])}`,
                StageName: won ? 'Closed Won' : lost ? 'Closed Lost' : pick(OPEN_STAGES),
                CloseDate: day(close),
                Amount: f.number.int({ min: 5, max: 250 }) * 1000,
                CreatedDate: iso(created),
                [SOURCE_ID_FIELD]: key
            },
            refs: accountKey ? { AccountId: accountKey, OwnerId: owner } : { OwnerId: owner }
        });
        return key;
    };
    return { accountFor, contactFor, opportunityFor };
}

export type CrmRecords = ReturnType<typeof crmRecords>;

/** A second Contact with the same email at the same account, for 1 in 25 contacts; their keys. */
export function duplicateContacts(records: DemoRecords): string[] {
    const { contacts } = records;
    const duplicateContacts: string[] = [];
    // Duplicate Contacts: a second Contact with the same email at the same account (1 in 25).
    const originals = contacts.slice();
    for (let i = 0; i < originals.length; i += 25) {
        const c = originals[i];
        const key = `contact-${String(contacts.length + 1).padStart(5, '0')}`;
        contacts.push({
            key,
            fields: {
                ...c.fields,
                FirstName: String(c.fields.FirstName).slice(0, 1),
                [SOURCE_ID_FIELD]: key
            },
            refs: { ...c.refs }
        });
        duplicateContacts.push(key);
    }
    return duplicateContacts;
}

/** More customers: accounts with contacts and, for most, an open or won deal. */
export function moreCustomers(
    d: Draws,
    crm: CrmRecords,
    customers: readonly Company[],
    activeReps: readonly string[],
    leadCount: number
): void {
    const { f, pick, chance, daysAgo } = d;
    const { accountFor, contactFor, opportunityFor } = crm;
    for (let i = 0; i < Math.ceil(leadCount / 50); i++) {
        const company = pick(customers);
        const owner = pick(activeReps);
        const acct = accountFor(company, owner);
        for (let c = 0; c < f.number.int({ min: 1, max: 3 }); c++) {
            const person = { first: f.person.firstName(), last: f.person.lastName() };
            const mail = `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]+/g, '');
            contactFor(
                acct,
                person,
                `${mail}@${company.domain}`,
                pick(OTHER_TITLES),
                owner,
                daysAgo(f.number.int({ min: 30, max: 400 }))
            );
        }
        if (chance(0.6))
            opportunityFor(
                acct,
                company,
                owner,
                daysAgo(f.number.int({ min: 10, max: 170 })),
                chance(0.4)
            );
    }
}
