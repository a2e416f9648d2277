import LeadFunnelChart from 'c/leadFunnelChart';
import { flushPromises, mount, queryAllDeep, queryDeep, resetDom } from 'jest-utils/dom';

const bar = (stage, label, reached, leak, barPercent) => ({
    stage,
    label,
    reached,
    share: barPercent / 100,
    barPercent,
    leakPercent: (leak / 200) * 100,
    leak,
    leakText: leak ? `${leak} stopped here` : '',
    conversionText: ''
});

describe('c-lead-funnel-chart', () => {
    afterEach(resetDom);

    it('draws one centred bar per stage with its leak, and the numbers as a table', async () => {
        const element = mount('c-lead-funnel-chart', LeadFunnelChart, {
            bars: [bar('generated', 'Generated', 200, 50, 100), bar('won', 'Won', 20, 0, 10)]
        });
        await flushPromises();
        const bars = queryAllDeep(element, 'rect.bar');
        expect(bars.map((r) => [r.getAttribute('x'), r.getAttribute('width')])).toEqual([
            ['0', '100'],
            ['45', '10']
        ]);
        const leak = queryAllDeep(element, 'rect.leak')[0];
        expect([leak.getAttribute('x'), leak.getAttribute('width')]).toEqual(['75', '25']);
        expect(queryDeep(element, 'svg').getAttribute('aria-hidden')).toBe('true');
        expect(queryAllDeep(element, 'tbody th').map((th) => th.textContent)).toEqual([
            'Generated',
            'Won'
        ]);
        await expect(element).toBeAccessible();
    });

    it('tells which stage was clicked', async () => {
        const element = mount('c-lead-funnel-chart', LeadFunnelChart, {
            bars: [bar('generated', 'Generated', 200, 0, 100)]
        });
        const handler = jest.fn();
        element.addEventListener('stageselect', handler);
        await flushPromises();
        queryDeep(element, 'a[data-stage="generated"]').click();
        expect(handler.mock.calls[0][0].detail).toEqual({ stage: 'generated' });
    });

    it('says so when there are no leads', async () => {
        const element = mount('c-lead-funnel-chart', LeadFunnelChart, { bars: [] });
        await flushPromises();
        expect(element.shadowRoot.textContent).toContain('No leads yet.');
        await expect(element).toBeAccessible();
    });
});
