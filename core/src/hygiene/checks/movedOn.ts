/**
 * Deal moved on but the lead is still open: the person is already a contact whose account
 * has a deal, or the lead matches a customer account (email domain, or company name with
 * legal forms stripped, as routing tools match) that opened a deal after the lead qualified.
 */
import { toEpochMs } from '../../dates';
import type { Opportunity } from '../../types';
import { evidence, type HygieneCheck } from '../check';
import type { LeadFacts } from '../context';
import { emailDomain, FREE_MAIL_DOMAINS, normalizeCompany } from '../normalize';
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
        'after this lead qualified. The lead should be marked as moved on.',
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
        const viaAccount = (f: LeadFacts) => {
            if (f.stage !== 'qualified') return null;
            const qualifiedMs = toEpochMs(f.lead.statusChangedAt ?? f.lead.createdDate);
            const domain = emailDomain(f.lead.email);
            const company = normalizeCompany(f.lead.company);
            const candidates = [
                ...((domain && !FREE_MAIL_DOMAINS.has(domain) && accounts.byDomain.get(domain)) ||
                    []),
                ...((company && accounts.byName.get(company)) || [])
            ];
            for (const account of candidates) {
                const deal = accounts.latestDeal.get(account.id);
                if (deal && toEpochMs(deal.createdDate) > qualifiedMs) {
                    const by = accounts.byDomain.get(domain ?? '')?.includes(account)
                        ? 'email domain'
                        : 'company name';
                    return { deal, account, by };
                }
            }
            return null;
        };
        return (f) => {
            if (!f.isOpen) return null;
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
