import { createElement } from '@lwc/engine-dom';
import HandBackForm from 'c/handBackForm';

const options = require('./data/options.json');

async function flushPromises() {
    for (let i = 0; i < 3; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

function createForm(props = {}) {
    const element = createElement('c-hand-back-form', { is: HandBackForm });
    Object.assign(element, { options, reason: '', notes: '', nurtureUntil: '' }, props);
    document.body.appendChild(element);
    return element;
}

const input = (element, field) => element.shadowRoot.querySelector(`[data-field="${field}"]`);

describe('c-hand-back-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('sends every edit up as { field, value }', async () => {
        const element = createForm();
        const changes = [];
        element.addEventListener('change', (e) => changes.push(e.detail));
        input(element, 'reason').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Other' } })
        );
        input(element, 'nurtureUntil').dispatchEvent(
            new CustomEvent('change', { detail: { value: '2027-01-01' } })
        );
        await flushPromises();
        expect(changes).toEqual([
            { field: 'reason', value: 'Other' },
            { field: 'nurtureUntil', value: '2027-01-01' }
        ]);
    });

    it('requires notes for "Other" and explains the default date', async () => {
        const element = createForm({ reason: 'Other' });
        await flushPromises();
        expect(input(element, 'notes').required).toBe(true);
        expect(input(element, 'nurtureUntil').fieldLevelHelp).toBe(
            'Defaults to 30 days for "Other"; must be after today.'
        );
        element.reason = 'Not_Ready';
        await flushPromises();
        expect(input(element, 'notes').required).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('puts each message on its input and clears it once fixed', async () => {
        const element = createForm({ reason: 'Other' });
        await flushPromises();
        const notes = input(element, 'notes');
        const setCustomValidity = jest.spyOn(notes, 'setCustomValidity');
        const reportValidity = jest.spyOn(notes, 'reportValidity');
        element.errors = [{ field: 'notes', message: 'Add notes.' }];
        await flushPromises();
        expect(setCustomValidity).toHaveBeenLastCalledWith('Add notes.');
        expect(reportValidity).toHaveBeenCalledTimes(1);
        element.errors = [];
        await flushPromises();
        expect(setCustomValidity).toHaveBeenLastCalledWith('');
        expect(reportValidity).toHaveBeenCalledTimes(2);
    });
});
