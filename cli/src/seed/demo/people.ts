/** The demo's users (reps, some who left) and the people on leads: titles and emails by fit. */
import { NURTURE_QUEUE_DEVELOPER_NAME } from '../../../../core/src/index';
import type { SeedRecord } from '../types';
import type { Company } from './companies';
import type { Draws } from './draws';

export const DEMO_DOMAIN = 'leadloop.demo';
export const QUEUE_KEY = `queue:${NURTURE_QUEUE_DEVELOPER_NAME}`;
export const MANAGER = `manager@${DEMO_DOMAIN}`;
export const MARKETING = `marketing@${DEMO_DOMAIN}`;
export const OPS_ADMIN = `ops.admin@${DEMO_DOMAIN}`;
export const REP_COUNT = 12;
/** Reps 10–12 have left the company (inactive users who still own leads). */
export const INACTIVE_REPS = [10, 11, 12];
export const repUsername = (n: number): string => `rep${n}@${DEMO_DOMAIN}`;

export const SENIOR_TITLES = [
    'VP of Sales',
    'Vice President, Operations',
    'Head of Revenue Operations',
    'Chief Technology Officer',
    'CFO',
    'Director of IT',
    'Director, Procurement',
    'Founder & CEO'
];
export const OTHER_TITLES = [
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

export interface Person {
    first: string;
    last: string;
}

/** How well a lead fits the ideal customer: drives its title and email. */
export type Fit = 'high' | 'mixed' | 'low';

/** The admin, manager, marketer and reps (reps 10–12 inactive), with the reps by state. */
export function demoUsers(d: Draws): {
    users: SeedRecord[];
    activeReps: string[];
    inactiveReps: string[];
} {
    const { f } = d;
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
    return { users, activeReps, inactiveReps };
}

/** A lead's email and title for its fit. */
export function personDraws(d: Draws): {
    emailFor(person: Person, company: Company, fit: Fit): string;
    titleFor(fit: Fit): string;
} {
    const { f, pick, chance } = d;
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
    return { emailFor, titleFor };
}
