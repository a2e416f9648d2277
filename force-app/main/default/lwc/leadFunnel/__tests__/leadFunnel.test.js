import LeadFunnel from 'c/leadFunnel';
import { graphql } from 'lightning/graphql';
import { atFixedTime, flushPromises, mount, queryAllDeep } from 'jest-utils/dom';

const settings = require('../../leadLoopSummary/__tests__/data/settings.json');
const aggregates = require('../../leadLoopSummary/__tests__/data/aggregates.json');

describe('c-lead-funnel', () => {
    atFixedTime(new Date('2026-11-24T10:00:00.000Z'));

    it('is the summary with the funnel', async () => {
        const element = mount('c-lead-funnel', LeadFunnel);
        graphql.emit(settings, (c) => !c?.variables);
        await flushPromises();
        graphql.emit(aggregates, (c) => Boolean(c?.variables));
        await flushPromises();
        expect(queryAllDeep(element, 'tbody th').map((th) => th.textContent)).toEqual([
            'Generated',
            'Qualified',
            'Nurturing',
            'Handed to sales',
            'Pursued',
            'Won'
        ]);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
