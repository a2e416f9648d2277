import RepLeadsToAct from 'c/repLeadsToAct';
import { graphql } from 'lightning/graphql';
import { atFixedTime, flushPromises, mount, textOf } from 'jest-utils/dom';

const leads = require('./data/repLeads.json');
const activities = require('./data/repActivities.json');

const NOW = new Date('2026-11-20T10:00:00.000Z');
const toLeads = (config) => config.variables?.ownerId === '005000000000000000';
const toActivities = (config) => Boolean(config.variables?.leadIds);

describe('c-rep-leads-to-act', () => {
    atFixedTime(NOW);

    it("reads the rep's leads, then their activities, and lists what to act on", async () => {
        const element = mount('c-rep-leads-to-act', RepLeadsToAct);
        await flushPromises();
        // Only a config carrying the rep's id (the leads read) gets this page.
        graphql.emit(leads, toLeads);
        await flushPromises();
        expect(graphql.getLastConfig().variables).toEqual({
            leadIds: ['00Q000000000001AAA', '00Q000000000002AAA', '00Q000000000003AAA'],
            taskAfter: null,
            eventAfter: null,
            memberAfter: null,
            pageSize: 2000,
            upperBound: 10000
        });
        graphql.emit(activities, toActivities);
        await flushPromises();
        const items = element.shadowRoot.querySelectorAll('[data-lead]');
        expect([...items].map((li) => li.dataset.lead)).toEqual([
            '00Q000000000001AAA',
            '00Q000000000002AAA'
        ]);
        expect(textOf(element, 'rep-reason')).toBe('Next step overdue by 3 days');
        expect(textOf(element, 'rep-next')).toBe('Next: Send pricing · due 2026-11-17');
        expect(textOf(element, 'rep-move-up')).toBe(
            'A completed activity would make this lead Hot'
        );
        expect(items[1].textContent).toContain(
            'No single activity moves this lead up: fit grade D keeps it Cold'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says when there is nothing to act on', async () => {
        const element = mount('c-rep-leads-to-act', RepLeadsToAct);
        await flushPromises();
        graphql.emit(
            {
                uiapi: {
                    query: {
                        Lead: { edges: [] },
                        LL_Scoring_Model__c: { edges: [] },
                        LL_Settings__c: { edges: [] }
                    }
                }
            },
            toLeads
        );
        await flushPromises();
        expect(textOf(element, 'rep-none')).toBe(
            'Nothing to act on now: every lead has a next step on time.'
        );
    });

    it('shows read errors', async () => {
        const element = mount('c-rep-leads-to-act', RepLeadsToAct);
        await flushPromises();
        graphql.emitErrors([{ message: 'No access to Lead' }], toLeads);
        await flushPromises();
        expect(textOf(element, 'rep-errors')).toContain('No access to Lead');
    });
});
