/**
 * The leads, one scenario each in exact shares (shuffled): healthy ones planted clean, and
 * every problem of PRODUCT.md planted with its evidence (activities, contacts, deals).
 */
import {
    DEFAULT_SETTINGS,
    HANDBACK_REASONS,
    LEAD_FIELDS,
    MS_PER_DAY,
    REASONS_NEEDING_NOTES,
    SOURCE_ID_FIELD,
    type HandbackReason
} from '../../../../core/src/index';
import { DEMO_PROBLEMS, type DemoProblem, type SeedRecord } from '../types';
import type { ActivityRecords } from './activities';
import type { Company, CrmRecords } from './companies';
import type { DemoRecords, Draws } from './draws';
import { QUEUE_KEY, MARKETING, SENIOR_TITLES, type Fit, type Person, personDraws } from './people';

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
export type Scenario = keyof typeof SCENARIOS;

/** Shares in percent of all leads, as generated (the tests check them). */
export const DEMO_SHARES: Readonly<Record<Scenario, number>> = SCENARIOS;

/** Scenarios of leads planted clean and open in a sales stage: a planted duplicate copies one. */
const COPYABLE: ReadonlySet<Scenario> = new Set(['newFresh', 'workingActive', 'qualifiedActive']);

/** A lead planted as being worked has its latest touch at most this many days ago. */
const QUALIFIED_TOUCH_WITHIN_DAYS = Math.max(0, DEFAULT_SETTINGS.qualifiedUntouchedDays - 3);

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

/** A qualified lead being worked (the ones the demo converts). */
export interface QualifiedLead {
    key: string;
    company: Company;
    rep: string;
    age: number;
}

export interface LeadParts {
    leadCount: number;
    activeReps: readonly string[];
    inactiveReps: readonly string[];
    customers: readonly Company[];
    prospects: readonly Company[];
    crm: CrmRecords;
    activities: ActivityRecords;
    respondToCampaigns(key: string, scenario: Scenario): void;
}

/** Adds the leads; answers the planted problems and the clean leads duplicates copied. */
export function plantLeads(
    d: Draws,
    records: DemoRecords,
    parts: LeadParts
): {
    problems: Record<DemoProblem, string[]>;
    duplicateOriginals: string[];
    qualifiedActive: QualifiedLead[];
} {
    const { f, pick, chance, daysAgo, iso, day, now, nowMs } = d;
    const { leadCount, activeReps, inactiveReps, customers, prospects, respondToCampaigns } = parts;
    const { accountFor, contactFor, opportunityFor } = parts.crm;
    const { addTask, touches } = parts.activities;
    const { emailFor, titleFor } = personDraws(d);
    const { leads } = records;
    // Scenario per lead: exact counts, shuffled.
    const scenarioList: Scenario[] = [];
    for (const [name, share] of Object.entries(SCENARIOS) as [Scenario, number][]) {
        if (name === 'workingActive') continue;
        const n = Math.round((share / 100) * leadCount);
        for (let i = 0; i < n && scenarioList.length < leadCount; i++) scenarioList.push(name);
    }
    while (scenarioList.length < leadCount) scenarioList.push('workingActive');
    const scenarios = f.helpers.shuffle(scenarioList);
    const problems = Object.fromEntries(DEMO_PROBLEMS.map((p) => [p, []])) as unknown as Record<
        DemoProblem,
        string[]
    >;
    const duplicateOriginals = new Set<string>();
    /** Clean open leads in a sales stage: the ones a planted duplicate may copy. */
    const copyable: SeedRecord[] = [];
    const leadBase = new Map<string, Record<string, unknown>>();
    const qualifiedActive: QualifiedLead[] = [];
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
                qualifiedActive.push({ key, company, rep, age });
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
                const notes = pick([
                    'Interested, but not before next budget cycle.',
                    'No reply after three calls.',
                    'Evaluating options, asked us to check back.',
                    ''
                ]);
                // "Other" needs notes (validateHandBack refuses it without); no extra pick,
                // so every other record of a seed stays as it was.
                extra[LEAD_FIELDS.handbackNotes] =
                    notes || !REASONS_NEEDING_NOTES.includes(reason)
                        ? notes
                        : 'Other: wants to revisit after their reorganisation.';
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

        respondToCampaigns(key, scenario);
    }
    return {
        problems,
        duplicateOriginals: leads.map((l) => l.key).filter((k) => duplicateOriginals.has(k)),
        qualifiedActive
    };
}
