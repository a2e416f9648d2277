import { describe, expect, it } from 'vitest';
import {
    DEFAULT_SETTINGS,
    planFix,
    type HygieneAccount,
    type HygieneContact,
    type Lead,
    type Opportunity
} from '../../src/index';
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
    it('no longer flags a lead once marked moved on, with its link to the deal or the contact', () => {
        const viaContact = lead({ email: 'hank@globex.de' });
        const viaAccount = lead({
            status: 'Qualified',
            email: 'new@globex.de',
            statusChangedAt: ago(20)
        });
        const snap = (leads: Lead[]) => ({
            leads,
            contacts: [contact],
            accounts: [account],
            opportunities: [deal()]
        });
        const findings = run(id, snap([viaContact, viaAccount]));
        expect(findings.map((f) => f.leadId)).toEqual([viaContact.id, viaAccount.id]);
        // Apply the planned fix to the leads as the page and the CLI write it.
        const plan = planFix('mark-moved-on', findings, [viaContact, viaAccount], {
            settings: DEFAULT_SETTINGS
        });
        expect(plan.changes).toHaveLength(2);
        const marked = [viaContact, viaAccount].map((l) => {
            const change = plan.changes.find((c) => c.leadId === l.id)!;
            const fields = Object.fromEntries(change.changes.map((c) => [c.field, c.to]));
            return {
                ...l,
                movedOnOpportunityId: fields.LL_Moved_On_Opportunity__c ?? null,
                movedOnContactId: fields.LL_Moved_On_Contact__c ?? null
            };
        });
        expect(marked[0]).toMatchObject({ movedOnOpportunityId: '006A', movedOnContactId: '003A' });
        expect(marked[1]).toMatchObject({ movedOnOpportunityId: '006A', movedOnContactId: null });
        expect(flagged(id, snap(marked))).toEqual([]);
        // Either link alone is enough; a lead without one is still flagged.
        const contactOnly = { ...viaContact, movedOnContactId: '003A' };
        const dealOnly = { ...viaContact, movedOnOpportunityId: '006A' };
        expect(flagged(id, snap([contactOnly]))).toEqual([]);
        expect(flagged(id, snap([dealOnly]))).toEqual([]);
        expect(flagged(id, snap([{ ...viaContact, movedOnContactId: null }]))).toEqual([
            viaContact.id
        ]);
    });
});
