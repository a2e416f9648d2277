import LeadLoopNumber from 'c/leadLoopNumber';
import { flushPromises, mount, queryDeep, resetDom } from 'jest-utils/dom';

const number = {
    key: 'followUp',
    label: 'Follow-up rate',
    value: '15%',
    detail: '15 of 100 leads touched',
    fraction: 0.15,
    lowerIsBetter: false,
    report: 'LL_Follow_Up_Never_Touched'
};

describe('c-lead-loop-number', () => {
    afterEach(resetDom);

    it('shows the number with a ring of its share and asks for its report', async () => {
        const element = mount('c-lead-loop-number', LeadLoopNumber, { number });
        const handler = jest.fn();
        element.addEventListener('reportselect', handler);
        await flushPromises();
        expect(queryDeep(element, 'circle.ring').getAttribute('stroke-dasharray')).toBe('15 85');
        const link = queryDeep(element, 'a');
        expect(link.textContent).toBe('15%');
        expect(link.getAttribute('aria-label')).toBe('Follow-up rate: 15%. Open the report');
        link.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ report: 'LL_Follow_Up_Never_Touched' });
        await expect(element).toBeAccessible();
    });

    it('shows a number without a report or a chart as plain text', async () => {
        const element = mount('c-lead-loop-number', LeadLoopNumber, {
            number: { ...number, fraction: null, report: null, value: '—' }
        });
        await flushPromises();
        expect(queryDeep(element, 'a')).toBeNull();
        expect(queryDeep(element, 'svg')).toBeNull();
        expect(queryDeep(element, '[data-id="value"]').textContent).toBe('—');
        await expect(element).toBeAccessible();
    });
});
