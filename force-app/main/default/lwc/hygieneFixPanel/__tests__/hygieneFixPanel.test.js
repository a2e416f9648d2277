import HygieneFixPanel from 'c/hygieneFixPanel';
import { flushPromises, mount, queryDeep, textOf } from 'jest-utils/dom';

const { users, queues, leads } = require('./data/options.json');

const $ = queryDeep;

function change(element, dataId, value) {
    $(element, `[data-id="${dataId}"]`).dispatchEvent(
        new CustomEvent('change', { detail: { value } })
    );
}

function previews(element) {
    const handler = jest.fn();
    element.addEventListener('preview', handler);
    return handler;
}

describe('c-hygiene-fix-panel', () => {
    it('reassigns round-robin with a cap by default', async () => {
        const element = mount('c-hygiene-fix-panel', HygieneFixPanel, {
            kind: 'reassign',
            users,
            queues
        });
        const handler = previews(element);
        change(element, 'cap', '25');
        await flushPromises();
        $(element, '[data-id="preview"]').click();
        expect(handler.mock.calls[0][0].detail).toEqual({
            mode: 'round-robin',
            toId: null,
            cap: 25,
            masterId: null
        });
        await expect(element).toBeAccessible();
    });

    it('needs a user (or queue) before previewing a reassignment to one', async () => {
        const element = mount('c-hygiene-fix-panel', HygieneFixPanel, {
            kind: 'reassign',
            users,
            queues
        });
        const handler = previews(element);
        change(element, 'mode', 'queue');
        await flushPromises();
        expect($(element, '[data-id="preview"]').disabled).toBe(true);
        expect($(element, '[data-id="queue"]').options).toEqual([
            { label: 'Inbound', value: '00G000000000001AAA' }
        ]);
        change(element, 'queue', '00G000000000001AAA');
        await flushPromises();
        $(element, '[data-id="preview"]').click();
        expect(handler.mock.calls[0][0].detail).toMatchObject({
            mode: 'queue',
            toId: '00G000000000001AAA'
        });
        await expect(element).toBeAccessible();
    });

    it('closes duplicates in favour of a chosen master, saying the status', async () => {
        const element = mount('c-hygiene-fix-panel', HygieneFixPanel, {
            kind: 'merge-duplicate',
            leads,
            closeStatus: 'Closed - Duplicate'
        });
        const handler = previews(element);
        expect(textOf(element, 'close-status')).toBe(
            'Leads are closed with the status "Closed - Duplicate".'
        );
        change(element, 'master', '00Q000000000002AAA');
        await flushPromises();
        $(element, '[data-id="preview"]').click();
        expect(handler.mock.calls[0][0].detail.masterId).toBe('00Q000000000002AAA');
        await expect(element).toBeAccessible();
    });
});
