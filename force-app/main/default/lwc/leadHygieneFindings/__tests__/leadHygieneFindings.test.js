import LeadHygieneFindings from 'c/leadHygieneFindings';
import { graphql } from 'lightning/graphql';
import { atFixedTime, flushPromises, mount, queryAllDeep, textOf } from 'jest-utils/dom';

const lead = require('./data/lead.json');
const related = require('./data/related.json');
const relatedClean = require('./data/relatedClean.json');

const ID = '00Q000000000001AAA';
const isRelated = (config) => Boolean(config?.variables?.email);
const isLead = (config) => !isRelated(config);

async function shown(relatedData) {
    const element = mount('c-lead-hygiene-findings', LeadHygieneFindings, { recordId: ID });
    graphql.emit(lead, isLead);
    await flushPromises();
    graphql.emit(relatedData, isRelated);
    await flushPromises();
    return element;
}

describe('c-lead-hygiene-findings', () => {
    atFixedTime(new Date('2026-11-22T12:00:00.000Z'));

    it("shows the lead's own findings with the explanation and the fix", async () => {
        const element = await shown(related);
        const items = queryAllDeep(element, 'li[data-check-id]');
        const ids = items.map((li) => li.dataset.checkId);
        expect(ids).toContain('owner-inactive');
        expect(ids).toContain('duplicate-email');
        const owner = items.find((li) => li.dataset.checkId === 'owner-inactive');
        expect(owner.textContent).toContain('Gone Rep');
        expect(owner.textContent).toContain('Fix:');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('asks for the related records by the lead’s owner, email, company and phone', async () => {
        await shown(related);
        const config = graphql.getLastConfig();
        expect(config.variables).toEqual({
            ownerId: '005000000000002AAA',
            email: 'pat@acme.com',
            company: 'Acme',
            // no phone: a value that matches nothing, never every lead without a phone
            phone: ID
        });
    });

    it('says so when the lead is clean', async () => {
        const element = await shown(relatedClean);
        expect(textOf(element, 'clean')).toBe('No hygiene findings on this lead.');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
