/**
 * The demo data set: deterministic from a seed and a clock (same seed + now →
 * identical records), built with a seeded @faker-js/faker. About 5,000 leads
 * with the users, queue membership, settings, default scoring model, accounts,
 * contacts, opportunities, campaigns, campaign members, tasks and events that
 * make every problem of PRODUCT.md show up in a realistic share.
 */
import { en, Faker } from '@faker-js/faker';
import {
    DEFAULT_SETTINGS,
    defaultModelRecord,
    HANDBACK_REASONS,
    LEAD_FIELDS,
    MS_PER_DAY,
    normalizeCompany,
    NURTURE_QUEUE_DEVELOPER_NAME,
    settingsToRecord,
    SOURCE_ID_FIELD,
    type HandbackReason,
    type LeadLoopSettings
} from '../../../core/src/index';
import { DEMO_PROBLEMS, type DemoData, type DemoProblem, type SeedRecord } from './types';

export interface GenerateOptions {
    seed?: number;
    leads?: number;
    now?: Date;
}

/** The org's Lead Status values the demo uses, mapped in LL_Settings__c. */
export const DEMO_SETTINGS: LeadLoopSettings = {
    ...DEFAULT_SETTINGS,
    openStatuses: ['New'],
    workingStatuses: ['Working'],
    qualifiedStatuses: ['Qualified'],
    nurturingStatus: 'Nurturing',
    disqualifiedStatuses: ['Unqualified']
};

export const DEMO_DOMAIN = 'leadloop.demo';
export const QUEUE_KEY = `queue:${NURTURE_QUEUE_DEVELOPER_NAME}`;
export const MANAGER = `manager@${DEMO_DOMAIN}`;
export const MARKETING = `marketing@${DEMO_DOMAIN}`;
export const OPS_ADMIN = `ops.admin@${DEMO_DOMAIN}`;
export const REP_COUNT = 12;
/** Reps 10–12 have left the company (inactive users who still own leads). */
export const INACTIVE_REPS = [10, 11, 12];
export const repUsername = (n: number): string => `rep${n}@${DEMO_DOMAIN}`;

/** Scenario of each lead, with its share of the data set in percent. */
const SCENARIOS = {
    newFresh: 8,
    pastFollowUpSla: 9,
    workingActive: 18,
    qualifiedActive: 5,
    qualifiedUntouched: 4,
    fakeQualified: 3,
    dealMovedOn: 3,
    ownerLeft: 6,
    duplicateEmail: 3,
    duplicatePerson: 2,
    duplicateOfContact: 2,
    workedUnqualifiedOpen: 4,
    deadAfter90: 16,
    hotInMarketingQueue: 2,
    nurtureDatePassed: 3,
    handedBack: 4,
    unqualifiedClosed: 8
} as const;
type Scenario = keyof typeof SCENARIOS;

/** Scenarios of leads planted clean and open in a sales stage: a planted duplicate copies one. */
const COPYABLE: ReadonlySet<Scenario> = new Set(['newFresh', 'workingActive', 'qualifiedActive']);

/** A lead planted as being worked has its latest touch at most this many days ago. */
const QUALIFIED_TOUCH_WITHIN_DAYS = Math.max(0, DEFAULT_SETTINGS.qualifiedUntouchedDays - 3);

/** Shares in percent of all leads, as generated (the tests check them). */
export const DEMO_SHARES: Readonly<Record<Scenario, number>> = SCENARIOS;

const INDUSTRIES = [
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
const COUNTRIES = [
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
const SOURCES = [
    'Web',
    'Web',
    'Partner Referral',
    'Employee Referral',
    'Trade Show',
    'Webinar',
    'Purchased List',
    'Cold Call',
    'Other'
];
const SENIOR_TITLES = [
    'VP of Sales',
    'Vice President, Operations',
    'Head of Revenue Operations',
    'Chief Technology Officer',
    'CFO',
    'Director of IT',
    'Director, Procurement',
    'Founder & CEO'
];
const OTHER_TITLES = [
    'Marketing Manager',
    'IT Manager',
    'Operations Manager',
    'Sales Operations Analyst',
    'Software Engineer',
    'Procurement Specialist',
    'Project Coordinator',
    'Account Executive',
    'Office Administrator',
    'Consultant'
];
const LOW_TITLES = ['Student', 'Marketing Intern', 'Trainee', 'Apprentice'];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'gmx.de'];
const JUNK_MAIL = ['mailinator.com', 'test-mail.net', 'asdf.org', 'fakeinbox.net'];
const COMPETITORS = ['hubspot.com', 'marketo.com', 'pardot.com', 'zoho.com'];
const TLDS = ['com', 'com', 'com', 'io', 'net', 'co', 'de', 'co.uk'];
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote'];
const CAMPAIGNS: [name: string, type: string][] = [
    ['Spring Product Webinar', 'Webinar'],
    ['RevOps Summit Booth', 'Trade Show'],
    ['Pipeline Hygiene eBook', 'Content'],
    ['Q3 Nurture Email Series', 'Email'],
    ['Partner Roadshow', 'Partners'],
    ['Customer Stories Webinar', 'Webinar'],
    ['SaaS Connect Conference', 'Trade Show'],
    ['Free Trial Signup', 'Web'],
    ['Lead Scoring Guide', 'Content'],
    ['Winter Reactivation Email', 'Email'],
    ['Executive Dinner Series', 'Event'],
    ['Paid Search – Lead Management', 'Advertisement']
];

interface Company {
    name: string;
    domain: string;
    industry: string;
    employees: number;
    country: string;
    accountKey?: string;
}

interface Person {
    first: string;
    last: string;
}

/** Builds the demo data set. Pure and deterministic for the same seed, size and clock. */
export function generateDemoData(options: GenerateOptions = {}): DemoData {
    const seed = options.seed ?? 42;
    const leadCount = options.leads ?? 5000;
    const now = options.now ?? new Date();
    if (!Number.isInteger(leadCount) || leadCount < 1 || leadCount > 1_000_000) {
        throw new Error(`leads must be a whole number from 1 to 1,000,000, not ${leadCount}.`);
    }
    if (Number.isNaN(now.getTime())) {
        throw new Error('now must be a valid date.');
    }
    const f = new Faker({ locale: [en] });
    f.seed(seed);
    const nowMs = now.getTime();
    const daysAgo = (d: number, hour?: number): Date => {
        const t = new Date(nowMs - d * MS_PER_DAY);
        // A working hour of that day, never in the future.
        t.setUTCHours(hour ?? f.number.int({ min: 8, max: 17 }), f.number.int(59), 0, 0);
        return t.getTime() > nowMs ? new Date(nowMs - 60_000) : t;
    };
    const iso = (d: Date): string => d.toISOString();
    const day = (d: Date): string => d.toISOString().slice(0, 10);
    const pick = <T>(list: readonly T[]): T => list[f.number.int(list.length - 1)];
    const chance = (p: number): boolean => f.number.float({ min: 0, max: 1 }) < p;

    // ---- users and queue --------------------------------------------------------------
    const userRecord = (
        username: string,
        first: string,
        last: string,
        title: string,
        active: boolean,
        manager?: string
    ): SeedRecord => ({
        key: username,
        fields: {
            FirstName: first,
            LastName: last,
            Username: username,
            Email: username,
            Title: title,
            IsActive: active,
            Alias: `${first[0]}${last}`.slice(0, 8).toLowerCase(),
            TimeZoneSidKey: 'America/New_York',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US'
        },
        ...(manager ? { refs: { ManagerId: manager } } : {})
    });
    const users: SeedRecord[] = [
        userRecord(OPS_ADMIN, 'Olivia', 'Ops', 'Sales Operations Admin', true),
        userRecord(MANAGER, 'Marcus', 'Reyes', 'Sales Manager', true),
        userRecord(MARKETING, 'Mia', 'Marketing', 'Marketing Operations Manager', true)
    ];
    const usedNames = new Set<string>();
    for (let n = 1; n <= REP_COUNT; n++) {
        let first = f.person.firstName();
        let last = f.person.lastName();
        while (usedNames.has(`${first} ${last}`)) {
            first = f.person.firstName();
            last = f.person.lastName();
        }
        usedNames.add(`${first} ${last}`);
        users.push(
            userRecord(
                repUsername(n),
                first,
                last,
                n % 4 === 0 ? 'Senior Account Executive' : 'Sales Development Rep',
                !INACTIVE_REPS.includes(n),
                MANAGER
            )
        );
    }
    const activeReps = Array.from({ length: REP_COUNT }, (_, i) => i + 1)
        .filter((n) => !INACTIVE_REPS.includes(n))
        .map(repUsername);
    const inactiveReps = INACTIVE_REPS.map(repUsername);

    // ---- companies, campaigns ------------------------------------------------------------
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
    const campaigns: SeedRecord[] = CAMPAIGNS.map(([name, type], i) => {
        const start = daysAgo(175 - i * 14, 9);
        const end = new Date(start.getTime() + 21 * MS_PER_DAY);
        return {
            key: `campaign-${String(i + 1).padStart(3, '0')}`,
            fields: {
                Name: name,
                Type: type,
                Status: end.getTime() < nowMs ? 'Completed' : 'In Progress',
                StartDate: day(start),
                EndDate: day(end),
                IsActive: end.getTime() >= nowMs - 60 * MS_PER_DAY,
                ActualCost: f.number.int({ min: 20, max: 400 }) * 100,
                [SOURCE_ID_FIELD]: `campaign-${String(i + 1).padStart(3, '0')}`
            },
            refs: { OwnerId: MARKETING }
        };
    });
    const campaignStart = (key: string): number =>
        Date.parse(String(campaigns.find((c) => c.key === key)!.fields.StartDate));

    // ---- scenario per lead: exact counts, shuffled -------------------------------------
    const scenarioList: Scenario[] = [];
    for (const [name, share] of Object.entries(SCENARIOS) as [Scenario, number][]) {
        if (name === 'workingActive') continue;
        const n = Math.round((share / 100) * leadCount);
        for (let i = 0; i < n && scenarioList.length < leadCount; i++) scenarioList.push(name);
    }
    while (scenarioList.length < leadCount) scenarioList.push('workingActive');
    const scenarios = f.helpers.shuffle(scenarioList);

    const accounts: SeedRecord[] = [];
    const contacts: SeedRecord[] = [];
    const opportunities: SeedRecord[] = [];
    const leads: SeedRecord[] = [];
    const members: SeedRecord[] = [];
    const tasks: SeedRecord[] = [];
    const events: SeedRecord[] = [];
    const problems = Object.fromEntries(DEMO_PROBLEMS.map((p) => [p, []])) as unknown as Record<
        DemoProblem,
        string[]
    >;
    const duplicateContacts: string[] = [];
    const duplicateOriginals = new Set<string>();
    /** Clean open leads in a sales stage: the ones a planted duplicate may copy. */
    const copyable: SeedRecord[] = [];

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
        accountKey: string,
        company: Company,
        owner: string,
        created: Date,
        won: boolean
    ): string => {
        const key = `opportunity-${String(opportunities.length + 1).padStart(5, '0')}`;
        const close = new Date(created.getTime() + f.number.int({ min: 20, max: 90 }) * MS_PER_DAY);
        opportunities.push({
            key,
            fields: {
                Name: `${company.name} – ${pick(['Platform', 'Expansion', 'Pilot', 'Renewal'])}`,
                StageName: won ? 'Closed Won' : pick(OPEN_STAGES),
                CloseDate: day(close),
                Amount: f.number.int({ min: 5, max: 250 }) * 1000,
                CreatedDate: iso(created),
                [SOURCE_ID_FIELD]: key
            },
            refs: { AccountId: accountKey, OwnerId: owner }
        });
        return key;
    };

    type Fit = 'high' | 'mixed' | 'low';
    const emailFor = (person: Person, company: Company, fit: Fit): string => {
        const local = `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]+/g, '');
        const roll = f.number.float({ min: 0, max: 1 });
        if (fit === 'high') return `${local}@${company.domain}`;
        if (fit === 'low') {
            return roll < 0.5
                ? `${local}${f.number.int(99)}@${pick(FREE_MAIL)}`
                : `${pick(['test', 'asdf', 'qwerty', local])}@${pick(JUNK_MAIL)}`;
        }
        if (roll < 0.15) return `${local}${f.number.int(99)}@${pick(FREE_MAIL)}`;
        if (roll < 0.18) return `${pick(['test', 'asdf', local])}@${pick(JUNK_MAIL)}`;
        if (roll < 0.205) return `${local}@${pick(COMPETITORS)}`;
        return `${local}@${company.domain}`;
    };
    const titleFor = (fit: Fit): string =>
        fit === 'high'
            ? pick(SENIOR_TITLES)
            : fit === 'low'
              ? pick([...LOW_TITLES, ''])
              : chance(0.3)
                ? pick(SENIOR_TITLES)
                : chance(0.05)
                  ? pick(LOW_TITLES)
                  : pick(OTHER_TITLES);

    let taskSeq = 0;
    const addTask = (
        leadKey: string,
        owner: string,
        when: Date,
        subject: string,
        type: string,
        description?: string
    ): void => {
        taskSeq += 1;
        tasks.push({
            key: `task-${taskSeq}`,
            fields: {
                Subject: subject,
                Type: type,
                Status: when.getTime() <= nowMs ? 'Completed' : 'Not Started',
                Priority: 'Normal',
                ActivityDate: day(when),
                ...(description ? { Description: description } : {}),
                CreatedDate: iso(when)
            },
            refs: { WhoId: leadKey, OwnerId: owner }
        });
    };
    const addEvent = (leadKey: string, owner: string, when: Date, subject: string): void => {
        const end = new Date(when.getTime() + 45 * 60_000);
        events.push({
            key: `event-${events.length + 1}`,
            fields: {
                Subject: subject,
                Type: 'Meeting',
                StartDateTime: iso(when),
                EndDateTime: iso(end),
                DurationInMinutes: 45,
                ActivityDate: day(when),
                CreatedDate: iso(new Date(when.getTime() - 3 * MS_PER_DAY)),
                Description: 'Discovery meeting'
            },
            refs: { WhoId: leadKey, OwnerId: owner }
        });
    };
    /** Touches on distinct days between `fromDay` and `toDay` days ago (fromDay > toDay). */
    const touches = (
        leadKey: string,
        owner: string,
        count: number,
        fromDay: number,
        toDay: number,
        strong = false,
        latestWithin?: number
    ): void => {
        const daysSet = new Set<number>();
        const span = Math.max(0, fromDay - toDay);
        for (let i = 0; i < count && daysSet.size <= span; i++) {
            let d = f.number.int({ min: toDay, max: Math.max(toDay, fromDay) });
            while (daysSet.has(d) && daysSet.size <= span) d = d === fromDay ? toDay : d + 1;
            daysSet.add(d);
        }
        // A lead being worked has its latest touch recent (folded into the window, so the
        // random draws, and every record after, stay as they were).
        const latest = Math.min(...daysSet);
        if (latestWithin !== undefined && latest > latestWithin) {
            daysSet.delete(latest);
            let d = latest % (latestWithin + 1);
            while (daysSet.has(d) && d > 0) d -= 1;
            daysSet.add(d);
        }
        const sorted = [...daysSet].sort((a, b) => b - a);
        sorted.forEach((d, i) => {
            const when = daysAgo(d);
            if (strong && i === sorted.length - 1) {
                addEvent(leadKey, owner, when, pick(['Product demo', 'Discovery meeting']));
                return;
            }
            const kind = f.number.int(9);
            if (kind < 4) addTask(leadKey, owner, when, pick(['Call', 'Intro call']), 'Call');
            else if (kind < 8)
                addTask(leadKey, owner, when, pick(['Email: intro', 'Follow-up email']), 'Email');
            else addTask(leadKey, owner, when, 'LinkedIn message', 'Other');
        });
    };

    const leadBase = new Map<string, Record<string, unknown>>();
    const pad = (n: number) => String(n).padStart(6, '0');

    for (let i = 0; i < leadCount; i++) {
        const scenario = scenarios[i];
        const key = `lead-${pad(i + 1)}`;
        const company = pick(
            scenario === 'dealMovedOn' || scenario === 'duplicateOfContact' ? customers : prospects
        );
        let firm = company;
        let person: Person = { first: f.person.firstName(), last: f.person.lastName() };
        const fit: Fit =
            scenario === 'hotInMarketingQueue'
                ? 'high'
                : scenario === 'fakeQualified'
                  ? 'low'
                  : 'mixed';
        let email = emailFor(person, company, fit);
        let title = titleFor(fit);
        let leadCompany = company.name;
        const rep = pick(activeReps);
        let owner = rep;
        let status = 'Working';
        // Lead age in days (CreatedDate), then touches.
        let age = f.number.int({ min: 3, max: 85 });
        const extra: Record<string, unknown> = {};
        const refs: Record<string, string> = {};
        let source = pick(SOURCES);

        const copyFrom = (other: Record<string, unknown>) => {
            person = { first: String(other.FirstName), last: String(other.LastName) };
            leadCompany = String(other.Company);
        };
        // One draw per lead (as always), read as a position among the leads a duplicate may copy.
        const draw = leads.length ? f.number.int(leads.length - 1) / leads.length : 0;
        const earlier = copyable.length ? copyable[Math.floor(draw * copyable.length)] : undefined;

        switch (scenario) {
            case 'newFresh':
                status = 'New';
                age = f.number.int({ min: 0, max: 1 });
                owner = chance(0.7) ? rep : QUEUE_KEY;
                if (chance(0.4)) touches(key, rep, 1, age, 0);
                break;
            case 'pastFollowUpSla':
                status = 'New';
                age = f.number.int({ min: 3, max: 85 });
                problems.pastFollowUpSla.push(key);
                break;
            case 'workingActive':
                age = f.number.int({ min: 5, max: 120 });
                touches(key, rep, f.number.int({ min: 1, max: 5 }), Math.min(age, 40), 0);
                break;
            case 'qualifiedActive':
                status = 'Qualified';
                age = f.number.int({ min: 10, max: 120 });
                touches(
                    key,
                    rep,
                    f.number.int({ min: 2, max: 5 }),
                    Math.min(age, 30),
                    0,
                    true,
                    QUALIFIED_TOUCH_WITHIN_DAYS
                );
                break;
            case 'qualifiedUntouched':
                status = 'Qualified';
                age = f.number.int({ min: 10, max: 80 });
                problems.qualifiedUntouched.push(key);
                break;
            case 'fakeQualified': {
                status = 'Qualified';
                age = f.number.int({ min: 15, max: 80 });
                source = pick(['Purchased List', 'Other', 'Cold Call']);
                // Moved to Qualified on the last day of a month (a quota date), then ignored.
                const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
                monthEnd.setUTCHours(22, 30, 0, 0);
                extra[LEAD_FIELDS.statusChangedAt] = iso(monthEnd);
                problems.fakeQualified.push(key);
                break;
            }
            case 'dealMovedOn': {
                status = pick(['Working', 'Qualified']);
                age = f.number.int({ min: 40, max: 160 });
                touches(key, rep, 2, age - 2, Math.max(age - 20, 25));
                const acct = accountFor(company, rep);
                email = `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]+/g, '');
                email = `${email}@${company.domain}`;
                leadCompany = company.name;
                const movedOn = daysAgo(f.number.int({ min: 5, max: Math.max(5, age - 25) }));
                contactFor(acct, person, email, title || 'Buyer', rep, movedOn);
                opportunityFor(acct, company, rep, movedOn, chance(0.3));
                problems.dealMovedOn.push(key);
                break;
            }
            case 'ownerLeft':
                owner = pick(inactiveReps);
                status = pick(['New', 'Working', 'Working', 'Qualified']);
                age = f.number.int({ min: 20, max: 170 });
                if (status !== 'New') touches(key, owner, 2, age, Math.max(0, age - 30));
                problems.ownerLeft.push(key);
                break;
            case 'duplicateEmail':
                status = pick(['New', 'Working']);
                if (earlier) {
                    const other = leadBase.get(earlier.key)!;
                    copyFrom(other);
                    email = String(other.Email ?? email);
                    if (chance(0.5)) leadCompany = leadCompany.toUpperCase();
                    owner = pick(activeReps);
                    problems.duplicateEmail.push(key);
                    duplicateOriginals.add(earlier.key);
                }
                break;
            case 'duplicatePerson':
                status = pick(['New', 'Working']);
                if (earlier) {
                    const other = leadBase.get(earlier.key)!;
                    copyFrom(other);
                    email = `${person.first[0]}${person.last}`.toLowerCase() + '@' + company.domain;
                    if (email === other.Email) email = `x.${email}`;
                    owner = pick(activeReps);
                    problems.duplicatePerson.push(key);
                    duplicateOriginals.add(earlier.key);
                }
                break;
            case 'duplicateOfContact': {
                status = pick(['New', 'Working']);
                const acct = accountFor(company, rep);
                email = `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]+/g, '');
                email = `${email}@${company.domain}`;
                leadCompany = company.name;
                contactFor(acct, person, email, title || 'Buyer', rep, daysAgo(age + 30));
                problems.duplicateOfContact.push(key);
                break;
            }
            case 'workedUnqualifiedOpen': {
                status = 'Working';
                age = f.number.int({ min: 50, max: 170 });
                touches(key, rep, f.number.int({ min: 2, max: 3 }), age - 1, 40);
                const last = daysAgo(f.number.int({ min: 31, max: 39 }));
                addTask(
                    key,
                    rep,
                    last,
                    'Call – not a fit',
                    'Call',
                    pick([
                        'No budget this year, not a fit.',
                        'Using a competitor, not interested.',
                        'Too small for us, disqualified.'
                    ])
                );
                problems.workedUnqualifiedOpen.push(key);
                break;
            }
            case 'deadAfter90':
                status = pick(['New', 'Working']);
                age = f.number.int({ min: 95, max: 180 });
                if (status === 'Working') touches(key, rep, 2, age - 1, Math.max(91, age - 30));
                problems.deadAfter90.push(key);
                break;
            case 'hotInMarketingQueue':
                owner = QUEUE_KEY;
                status = pick(['New', 'Nurturing']);
                age = f.number.int({ min: 20, max: 120 });
                source = 'Web';
                title = pick(SENIOR_TITLES);
                // This lead's firm looks like the ideal customer; the company's other leads
                // keep theirs (they are not hot).
                firm = {
                    ...company,
                    employees: f.number.int({ min: 100, max: 900 }),
                    industry: pick(['Technology', 'Software', 'Financial Services']),
                    country: pick(['United States', 'United Kingdom', 'Germany'])
                };
                addTask(
                    key,
                    MARKETING,
                    daysAgo(f.number.int({ min: 0, max: 6 })),
                    'Demo request (web form)',
                    'Other'
                );
                addTask(
                    key,
                    MARKETING,
                    daysAgo(f.number.int({ min: 7, max: 12 })),
                    'Pricing page visit – trial signup',
                    'Other'
                );
                problems.hotInMarketingQueue.push(key);
                break;
            case 'nurtureDatePassed':
            case 'handedBack': {
                owner = QUEUE_KEY;
                status = 'Nurturing';
                age = f.number.int({ min: 60, max: 175 });
                touches(key, rep, 2, age - 1, Math.max(31, age - 20));
                const reason: HandbackReason = pick(HANDBACK_REASONS);
                const handedBack = daysAgo(f.number.int({ min: 20, max: Math.max(21, age - 25) }));
                const nurtureUntil =
                    scenario === 'nurtureDatePassed'
                        ? daysAgo(f.number.int({ min: 1, max: 15 }))
                        : new Date(nowMs + f.number.int({ min: 10, max: 150 }) * MS_PER_DAY);
                extra[LEAD_FIELDS.handbackReason] = reason;
                extra[LEAD_FIELDS.handbackNotes] = pick([
                    'Interested, but not before next budget cycle.',
                    'No reply after three calls.',
                    'Evaluating options, asked us to check back.',
                    ''
                ]);
                extra[LEAD_FIELDS.nurtureUntil] = day(nurtureUntil);
                extra[LEAD_FIELDS.previousStatus] = 'Working';
                extra[LEAD_FIELDS.handedBackAt] = iso(handedBack);
                extra[LEAD_FIELDS.handbackCount] = chance(0.15) ? 2 : 1;
                extra[LEAD_FIELDS.statusChangedAt] = iso(handedBack);
                refs[LEAD_FIELDS.previousOwnerId] = rep;
                problems[scenario].push(key);
                break;
            }
            case 'unqualifiedClosed':
                status = 'Unqualified';
                age = f.number.int({ min: 20, max: 175 });
                touches(key, rep, f.number.int({ min: 1, max: 3 }), age - 1, Math.max(0, age - 20));
                break;
        }

        const created = daysAgo(age);
        const hot = scenario === 'hotInMarketingQueue';
        const fields: Record<string, unknown> = {
            FirstName: person.first,
            LastName: person.last,
            Company: leadCompany,
            Title: title || null,
            Email: email,
            Phone: chance(0.8) ? f.phone.number({ style: 'national' }) : null,
            // A planted hot lead always has what makes it score Hot (the draws stay).
            Industry: chance(0.85) || hot ? firm.industry : null,
            NumberOfEmployees: chance(0.8) || hot ? firm.employees : null,
            AnnualRevenue: chance(0.5)
                ? firm.employees * f.number.int({ min: 80, max: 300 }) * 1000
                : null,
            Country: chance(0.9) ? firm.country : null,
            LeadSource: source,
            Status: status,
            CreatedDate: iso(created),
            [SOURCE_ID_FIELD]: key,
            ...extra
        };
        if (fields[LEAD_FIELDS.statusChangedAt] === undefined) {
            fields[LEAD_FIELDS.statusChangedAt] = iso(
                status === 'New'
                    ? created
                    : daysAgo(Math.max(0, age - f.number.int({ min: 0, max: 10 })))
            );
        }
        if (Date.parse(String(fields[LEAD_FIELDS.statusChangedAt])) < created.getTime()) {
            fields[LEAD_FIELDS.statusChangedAt] = iso(created);
        }
        leadBase.set(key, fields);
        leads.push({ key, fields, refs: { OwnerId: owner, ...refs } });
        if (COPYABLE.has(scenario) && status !== 'Nurturing')
            copyable.push(leads[leads.length - 1]);

        // Campaign responses: about 40% of leads, 1–2 campaigns each, started before now.
        if (chance(scenario === 'hotInMarketingQueue' ? 1 : 0.4)) {
            const picks = new Set<string>();
            const n = scenario === 'hotInMarketingQueue' ? 2 : f.number.int({ min: 1, max: 2 });
            for (let c = 0; c < n; c++) picks.add(pick(campaigns).key);
            for (const cKey of picks) {
                const start = campaignStart(cKey);
                if (start > nowMs) continue;
                // A lead handed back to nurture has not answered since (a response would make
                // it hot in the marketing queue, a real finding); the draw stays.
                const responded =
                    scenario === 'hotInMarketingQueue' ||
                    (chance(0.5) && scenario !== 'handedBack');
                const respondedAt = new Date(
                    Math.min(nowMs, start + f.number.int({ min: 0, max: 20 }) * MS_PER_DAY)
                );
                members.push({
                    key: `member:${cKey}:${key}`,
                    fields: {
                        Status: responded ? 'Responded' : 'Sent',
                        HasResponded: responded,
                        ...(responded ? { FirstRespondedDate: day(respondedAt) } : {})
                    },
                    refs: { CampaignId: cKey, LeadId: key }
                });
            }
        }
    }

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
    // More accounts with contacts and opportunities (customers and open deals).
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

    return {
        seed,
        now: now.toISOString(),
        steps: [
            { object: 'User', match: { kind: 'field', field: 'Username' }, records: users },
            {
                object: 'Group',
                match: { kind: 'field', field: 'DeveloperName', where: { Type: 'Queue' } },
                records: [
                    {
                        key: QUEUE_KEY,
                        fields: {
                            Name: 'Lead Loop Marketing Nurture',
                            DeveloperName: NURTURE_QUEUE_DEVELOPER_NAME,
                            Type: 'Queue'
                        }
                    }
                ]
            },
            {
                object: 'GroupMember',
                match: { kind: 'natural', fields: ['GroupId', 'UserOrGroupId'] },
                records: [
                    {
                        key: `member:${QUEUE_KEY}:${MARKETING}`,
                        fields: {},
                        refs: { GroupId: QUEUE_KEY, UserOrGroupId: MARKETING }
                    }
                ]
            },
            {
                object: 'LL_Settings__c',
                match: { kind: 'field', field: 'Name' },
                records: [{ key: 'settings:Default', fields: settingsToRecord(DEMO_SETTINGS) }]
            },
            {
                object: 'LL_Scoring_Model__c',
                match: { kind: 'ifEmpty' },
                records: [{ key: 'model:default', fields: defaultModelRecord(now) }]
            },
            { object: 'Account', match: { kind: 'sourceId' }, records: accounts },
            { object: 'Contact', match: { kind: 'sourceId' }, records: contacts },
            { object: 'Opportunity', match: { kind: 'sourceId' }, records: opportunities },
            { object: 'Campaign', match: { kind: 'sourceId' }, records: campaigns },
            { object: 'Lead', match: { kind: 'sourceId' }, records: leads },
            {
                object: 'CampaignMember',
                match: { kind: 'natural', fields: ['CampaignId', 'LeadId'] },
                records: members
            },
            {
                object: 'Task',
                match: { kind: 'natural', fields: ['WhoId', 'Subject'] },
                records: tasks
            },
            {
                object: 'Event',
                match: { kind: 'natural', fields: ['WhoId', 'Subject'] },
                records: events
            }
        ],
        problems,
        duplicateContacts,
        duplicateOriginals: leads.map((l) => l.key).filter((k) => duplicateOriginals.has(k))
    };
}

/** Records per object, for summaries and the README. */
export function demoCounts(data: DemoData): Record<string, number> {
    return Object.fromEntries(data.steps.map((s) => [s.object, s.records.length]));
}
