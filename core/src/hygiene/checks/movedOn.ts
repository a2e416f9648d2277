/**
 * Deal moved on but the lead is still open: the person is already a contact whose account
 * has a deal, or the lead matches a customer account (email domain, or company name with
 * legal forms stripped, as routing tools match) that opened a deal after the lead qualified.
 * A lead already marked moved on (its link to the contact or opportunity set) is not flagged.
 */
import { toEpochMs } from '../../dates';
import type { Opportunity } from '../../types';
import { evidence, type HygieneCheck } from '../check';
import type { LeadFacts } from '../context';
import { emailDomain, FREE_MAIL_DOMAINS } from '../normalize';
import type { HygieneAccount, HygieneContact, RelatedRecord } from '../types';
import { accountIndex, contactIndex, leadKeys } from './indexes';

function related(
    account: HygieneAccount | undefined,
    deal: Opportunity,
    contact?: HygieneContact
): RelatedRecord[] {
    const out: RelatedRecord[] = [];
    if (contact) {
        const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
        out.push({ object: 'Contact', id: contact.id, name, role: 'same person' });
    }
    if (account)
        out.push({ object: 'Account', id: account.id, name: account.name, role: 'account' });
    out.push({ object: 'Opportunity', id: deal.id, name: deal.name, role: 'deal' });
    return out;
}

export const dealMovedOn: HygieneCheck = {
    id: 'deal-moved-on',
    severity: 'high',
    title: 'Deal moved on, lead still open',
    explanation:
        'The business already has a deal: the person is a contact on an account with an ' +
        'opportunity, or the company is a customer account that opened an opportunity ' +
        'after this lead qualified. The lead should be marked as moved on (once it is, ' +
        'with its link to the contact or deal, it is no longer flagged).',
    settings: ['qualifiedStatuses', 'disqualifiedStatuses'],
    prepare: (ctx) => {
        const contacts = contactIndex(ctx);
        const accounts = accountIndex(ctx);
        const emails = leadKeys(ctx, 'email');
        const viaContact = (f: LeadFacts) => {
            const email = emails[f.index];
            for (const contact of (email && contacts.byEmail.get(email)) || []) {
                const deal = contact.accountId
                    ? accounts.latestDeal.get(contact.accountId)
                    : undefined;
                if (deal)
                    return { contact, deal, account: accounts.byId.get(deal.accountId ?? '') };
            }
            return null;
        };
        /** A customer account's deal created after the lead qualified (qualified leads only). */
        const companies = leadKeys(ctx, 'company');
        const none: readonly HygieneAccount[] = [];
        const viaAccount = (f: LeadFacts) => {
            if (f.stage !== 'qualified') return null;
            const qualifiedMs = toEpochMs(f.lead.statusChangedAt ?? f.lead.createdDate);
            const domain = emailDomain(f.lead.email);
            const company = companies[f.index];
            const byDomain =
                (domain && !FREE_MAIL_DOMAINS.has(domain) && accounts.byDomain.get(domain)) || none;
            const byName = (company && accounts.byName.get(company)) || none;
            for (const list of [byDomain, byName]) {
                for (const account of list) {
                    const deal = accounts.latestDeal.get(account.id);
                    if (deal && toEpochMs(deal.createdDate) > qualifiedMs) {
                        const by = byDomain.includes(account) ? 'email domain' : 'company name';
                        return { deal, account, by };
                    }
                }
            }
            return null;
        };
        return (f) => {
            // Marked moved on (linked to the contact or deal) is this check's fix: done.
            if (!f.isOpen || f.lead.movedOnOpportunityId || f.lead.movedOnContactId) return null;
            const hit = viaContact(f);
            if (hit) {
                const who = [hit.contact.firstName, hit.contact.lastName].filter(Boolean).join(' ');
                return {
                    detail: `${who} is already a contact${hit.account ? ` at ${hit.account.name}` : ''} with the deal ${hit.deal.name} (${hit.deal.stageName}).`,
                    evidence: evidence(
                        {
                            createdDate: f.lead.createdDate ?? null,
                            dealCreated: hit.deal.createdDate
                        },
                        {
                            status: f.lead.status,
                            match: 'contact email',
                            stage: hit.deal.stageName
                        },
                        related(hit.account, hit.deal, hit.contact)
                    ),
                    fix: {
                        kind: 'mark-moved-on',
                        targetId: hit.deal.id,
                        text: `Mark the lead as moved on, linked to ${hit.deal.name}.`
                    }
                };
            }
            const viaAcct = viaAccount(f);
            if (!viaAcct) return null;
            return {
                detail: `${viaAcct.account.name} (matched by ${viaAcct.by}) opened the deal ${viaAcct.deal.name} after this lead qualified.`,
                evidence: evidence(
                    {
                        qualifiedAt: f.lead.statusChangedAt ?? null,
                        dealCreated: viaAcct.deal.createdDate
                    },
                    { status: f.lead.status, match: viaAcct.by, stage: viaAcct.deal.stageName },
                    related(viaAcct.account, viaAcct.deal)
                ),
                fix: {
                    kind: 'mark-moved-on',
                    targetId: viaAcct.deal.id,
                    text: `Mark the lead as moved on, linked to ${viaAcct.deal.name}.`
                }
            };
        };
    }
};
