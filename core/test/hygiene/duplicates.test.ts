import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    auditLeads,
    DEFAULT_SETTINGS,
    normalizeCompany,
    normalizeEmail,
    normalizePhone,
    type Finding,
    type Lead
} from '../../src/index';
import { flagged, lead, NOW, run, snapshot } from './fixtures';

describe('normalisation', () => {
    it('writes emails, phones and companies one way', () => {
        expect(normalizeEmail('  Ada.Lovelace+webinar@Example.COM ')).toBe(
            'ada.lovelace@example.com'
        );
        expect(normalizeEmail('a.d.a@googlemail.com')).toBe('ada@gmail.com');
        expect(normalizeEmail('not an email')).toBeNull();
        expect(normalizePhone('(415) 555-0132')).toBe('+14155550132');
        expect(normalizePhone('1-415-555-0132 ext. 12')).toBe('+14155550132');
        expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
        expect(normalizePhone('020 7946 0958', 'United Kingdom')).toBe('+442079460958');
        expect(normalizePhone('0049 30 1234567')).toBe('+49301234567');
        expect(normalizePhone('555-0132')).toBeNull();
        expect(normalizeCompany('Acme, Inc.')).toBe('acme');
        expect(normalizeCompany('The ACME Company Ltd')).toBe('acme');
        expect(normalizeCompany('Müller & Söhne GmbH')).toBe('muller and sohne');
        expect(normalizeCompany('Inc.')).toBe('inc');
    });

    it('is idempotent (property)', () => {
        fc.assert(
            fc.property(
                fc.string(),
                fc.constantFrom('United States', 'Germany', 'UK', ''),
                (s, country) => {
                    const email = normalizeEmail(s);
                    if (email !== null) expect(normalizeEmail(email)).toBe(email);
                    const phone = normalizePhone(s, country);
                    if (phone !== null) expect(normalizePhone(phone, country)).toBe(phone);
                    const company = normalizeCompany(s);
                    if (company !== null) expect(normalizeCompany(company)).toBe(company);
                }
            ),
            { numRuns: 2000 }
        );
        fc.assert(
            fc.property(fc.emailAddress(), (e) => {
                const email = normalizeEmail(e);
                expect(email).not.toBeNull();
                expect(normalizeEmail(email)).toBe(email);
            })
        );
        fc.assert(
            fc.property(fc.stringMatching(/^\+?[0-9 ()-]{7,20}$/), (p) => {
                const phone = normalizePhone(p);
                if (phone !== null) expect(normalizePhone(phone)).toBe(phone);
            })
        );
    });
});

describe('duplicate-email, duplicate-person, duplicate-phone', () => {
    it('flags every open lead of a group, naming the others and one suggested master', () => {
        const older = lead({
            email: 'ada@acme.com',
            status: 'Qualified',
            createdDate: '2026-01-01T00:00:00.000Z'
        });
        const copy = lead({ email: ' ADA+promo@Acme.com', status: 'New' });
        const other = lead({ email: 'bob@acme.com' });
        const findings = run('duplicate-email', { leads: [copy, older, other] });
        expect(findings.map((f) => f.leadId)).toEqual([copy.id, older.id]);
        expect(
            findings.every((f) => f.fix.kind === 'merge-duplicate' && f.fix.targetId === older.id)
        ).toBe(true);
        expect(findings[0].evidence.related).toEqual([
            expect.objectContaining({ id: older.id, role: 'same email (suggested master)' })
        ]);
        expect(findings[1].fix.text).toMatch(/Keep this lead as the master/);
    });
    it('matches the same person at the same company across legal forms', () => {
        const a = lead({ firstName: 'José', lastName: 'Núñez', company: 'Initech, Inc.' });
        const b = lead({ firstName: 'jose', lastName: 'NUNEZ', company: 'INITECH' });
        const c = lead({ firstName: 'Jose', lastName: 'Nunez', company: 'Initrode' });
        expect(flagged('duplicate-person', { leads: [a, b, c] })).toEqual([a.id, b.id]);
    });
    it('matches phones in E.164 and flags only open leads', () => {
        const a = lead({ phone: '(415) 555-0132' });
        const b = lead({ phone: '+1 415 555 0132', status: 'Unqualified' });
        const c = lead({ phone: '415.555.0132', isConverted: true });
        expect(flagged('duplicate-phone', { leads: [a, b, c] })).toEqual([a.id]);
    });
    it('does not group unrelated people behind a placeholder email', () => {
        const a = lead({ email: 'test@mailinator.com' });
        const b = lead({ email: 'test@mailinator.com' });
        const same = lead({
            email: 'TEST@mailinator.com',
            firstName: a.firstName,
            lastName: a.lastName
        });
        expect(flagged('duplicate-email', { leads: [a, b, same] })).toEqual([a.id, same.id]);
    });
    it('can be switched off in the settings', () => {
        const leads = [lead({ email: 'x@acme.com' }), lead({ email: 'x@acme.com' })];
        expect(flagged('duplicate-email', { leads }, { matchDuplicateEmail: false })).toEqual([]);
    });
    it('names at most ten others in a big group but counts them all', () => {
        const leads = Array.from({ length: 30 }, () => lead({ email: 'shared@acme.com' }));
        const [finding] = run('duplicate-email', { leads });
        expect(finding.evidence.related).toHaveLength(10);
        expect(finding.evidence.values.duplicates).toBe(29);
    });
});

describe('duplicate-of-contact', () => {
    const contact = {
        id: '003A',
        firstName: 'Ada',
        lastName: 'King',
        email: 'ada.king@acme.com',
        accountId: '001A',
        accountName: 'Acme Corp'
    };
    it('flags a lead with a contact’s email, or the same person at the contact’s account', () => {
        const byEmail = lead({ email: 'Ada.King@acme.com' });
        const byPerson = lead({
            firstName: 'Ada',
            lastName: 'King',
            company: 'ACME',
            email: 'ak@gmail.com'
        });
        const other = lead({ firstName: 'Ada', lastName: 'King', company: 'Globex' });
        const findings = run('duplicate-of-contact', {
            leads: [byEmail, byPerson, other],
            contacts: [contact]
        });
        expect(findings.map((f) => f.leadId)).toEqual([byEmail.id, byPerson.id]);
        expect(findings[0].fix).toMatchObject({ kind: 'merge-duplicate', targetId: '003A' });
        expect(findings.map((f) => f.evidence.values.match)).toEqual([
            'same email',
            'same person at the same account'
        ]);
    });
});

/** Findings as comparable text, whatever their order. */
const asSet = (findings: Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

describe('duplicates, whatever the order of records (property)', () => {
    const people = ['Ada King', 'Bob Stone', 'Cy Young', 'Di Prince'];
    const arbLead = fc.record({
        person: fc.constantFrom(...people),
        company: fc.constantFrom('Acme', 'ACME Inc.', 'Globex', 'Initech GmbH'),
        email: fc.constantFrom(
            'ada@acme.com',
            'ADA@acme.com',
            'bob@globex.com',
            null,
            'test@x.com'
        ),
        phone: fc.constantFrom('(415) 555-0132', '+1 415 555 0132', '212 555 0100', null),
        status: fc.constantFrom('New', 'Working - Contacted', 'Qualified', 'Unqualified')
    });
    type Row = {
        person: string;
        company: string;
        email: string | null;
        phone: string | null;
        status: string;
    };
    const build = (rows: Row[]): Lead[] =>
        rows.map((r, i) => {
            const [firstName, lastName] = r.person.split(' ');
            return lead({
                id: `00Q${String(i).padStart(15, '0')}`,
                firstName,
                lastName,
                company: r.company,
                email: r.email,
                phone: r.phone,
                status: r.status,
                createdDate: `2026-0${1 + (i % 9)}-01T00:00:00.000Z`
            });
        });

    it('finds a duplicate pair whatever the order and the noise around it', () => {
        fc.assert(
            fc.property(fc.array(arbLead, { maxLength: 20 }), fc.nat(), (rows, at) => {
                const noise = build(rows).filter((l) => l.email !== 'pair@dup.com');
                const a = lead({ email: 'pair@dup.com', phone: null });
                const b = lead({ email: 'PAIR@dup.com', phone: null });
                const leads = [...noise];
                leads.splice(at % (leads.length + 1), 0, b);
                leads.splice((at * 7) % (leads.length + 1), 0, a);
                const found = flagged('duplicate-email', { leads });
                expect(found).toContain(a.id);
                expect(found).toContain(b.id);
            })
        );
    });

    it('shuffling the snapshot does not change the findings', () => {
        fc.assert(
            fc.property(
                fc.array(arbLead, { minLength: 1, maxLength: 25 }).chain((rows) =>
                    fc.tuple(
                        fc.constant(rows),
                        fc.shuffledSubarray(
                            rows.map((_, i) => i),
                            { minLength: rows.length }
                        )
                    )
                ),
                ([rows, order]) => {
                    const leads = build(rows);
                    const shuffled = order.map((i) => leads[i]);
                    const a = auditLeads(snapshot({ leads }), DEFAULT_SETTINGS, NOW).findings;
                    const b = auditLeads(
                        snapshot({ leads: shuffled }),
                        DEFAULT_SETTINGS,
                        NOW
                    ).findings;
                    expect(asSet(b)).toEqual(asSet(a));
                }
            )
        );
    });
});
