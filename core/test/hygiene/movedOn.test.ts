import { describe, expect, it } from 'vitest';
import type { HygieneAccount, HygieneContact, Opportunity } from '../../src/index';
import { ago, flagged, lead, run } from './fixtures';

const id = 'deal-moved-on';
const account: HygieneAccount = {
    id: '001A',
    name: 'Globex GmbH',
    website: 'https://www.globex.de/'
};
const contact: HygieneContact = {
    id: '003A',
    firstName: 'Hank',
    lastName: 'Scorpio',
    email: 'hank@globex.de',
    accountId: '001A',
    accountName: 'Globex GmbH'
};
const deal = (values: Partial<Opportunity> = {}): Opportunity => ({
    id: '006A',
    name: 'Globex – Platform',
    accountId: '001A',
    stageName: 'Proposal/Price Quote',
    isClosed: false,
    isWon: false,
    createdDate: ago(10),
    ...values
});

describe('deal-moved-on', () => {
    it('flags a lead whose person is a contact on an account with a deal', () => {
        const l = lead({ email: 'Hank@Globex.de', company: 'Someone else' });
        const snap = {
            leads: [l],
            contacts: [contact],
            accounts: [account],
            opportunities: [deal()]
        };
        const [finding] = run(id, snap);
        expect(finding.leadId).toBe(l.id);
        expect(finding.fix).toMatchObject({ kind: 'mark-moved-on', targetId: '006A' });
        expect(finding.evidence.related.map((r) => r.object)).toEqual([
            'Contact',
            'Account',
            'Opportunity'
        ]);
    });
    it('ignores a contact without a deal, or whose only deal was lost', () => {
        const l = lead({ email: 'hank@globex.de' });
        const lost = deal({ stageName: 'Closed Lost', isClosed: true });
        expect(flagged(id, { leads: [l], contacts: [contact], accounts: [account] })).toEqual([]);
        expect(
            flagged(id, {
                leads: [l],
                contacts: [contact],
                accounts: [account],
                opportunities: [lost]
            })
        ).toEqual([]);
    });
    it('matches a qualified lead to a customer account by domain or company name without legal form', () => {
        const byDomain = lead({
            status: 'Qualified',
            email: 'new@globex.de',
            statusChangedAt: ago(20)
        });
        const byName = lead({
            status: 'Qualified',
            email: 'x@gmail.com',
            company: 'The Globex Inc.',
            statusChangedAt: ago(20)
        });
        const snap = { leads: [byDomain, byName], accounts: [account], opportunities: [deal()] };
        expect(flagged(id, snap)).toEqual([byDomain.id, byName.id]);
        expect(run(id, snap).map((f) => f.evidence.values.match)).toEqual([
            'email domain',
            'company name'
        ]);
    });
    it('needs the deal created after the lead qualified, a qualified lead, and no free-mail domain', () => {
        const before = lead({ status: 'Qualified', email: 'a@globex.de', statusChangedAt: ago(5) });
        const working = lead({ email: 'b@globex.de', statusChangedAt: ago(20) });
        const freeMail = { ...account, id: '001B', name: 'Gmail fan club', website: 'gmail.com' };
        const gmail = lead({ status: 'Qualified', email: 'c@gmail.com', statusChangedAt: ago(20) });
        const snap = {
            leads: [before, working, gmail],
            accounts: [account, freeMail],
            opportunities: [deal(), deal({ id: '006B', accountId: '001B' })]
        };
        expect(flagged(id, snap)).toEqual([]);
    });
});
