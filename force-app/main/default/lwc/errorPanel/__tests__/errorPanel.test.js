import ErrorPanel from 'c/errorPanel';
import { flushPromises, mount, resetDom, textOf } from 'jest-utils/dom';

const ldsError = require('./data/ldsError.json');
const graphqlErrors = require('./data/graphqlErrors.json');

function createPanel(props) {
    const element = mount('c-error-panel', ErrorPanel, props);
    return element;
}

describe('c-error-panel', () => {
    afterEach(resetDom);

    it('renders nothing without errors', async () => {
        const element = createPanel({ errors: undefined });
        await flushPromises();
        expect(element.shadowRoot.querySelector('[role="alert"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the messages of an LDS error, one per line, as an alert', async () => {
        const element = createPanel({ errors: ldsError });
        await flushPromises();
        const items = [...element.shadowRoot.querySelectorAll('li')].map((li) => li.textContent);
        expect(items).toEqual([
            'Insufficient access to LL_Scoring_Model__c',
            'Bad value for Status'
        ]);
        expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
        expect(element.shadowRoot.querySelector('[data-id="toggle-details"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows messages given as text without duplicates', async () => {
        const element = createPanel({ errors: ['Fix grade B.', 'Fix grade B.', 'Fix band High.'] });
        await flushPromises();
        expect(textOf(element, 'messages')).toBe('Fix grade B. Fix band High.');
    });

    it('puts a friendly message first, with details that can be hidden and shown', async () => {
        const element = createPanel({
            errors: graphqlErrors,
            friendlyMessage: 'The score could not be loaded'
        });
        await flushPromises();
        expect(textOf(element, 'friendly-message')).toBe('The score could not be loaded.');
        expect(textOf(element, 'messages')).toBe(
            'Field LL_Tier__c is not accessible Request limit exceeded'
        );
        const toggle = element.shadowRoot.querySelector('[data-id="toggle-details"]');
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();

        toggle.click();
        await flushPromises();
        expect(element.shadowRoot.querySelector('[data-id="messages"]')).toBeNull();
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(toggle.textContent.trim()).toBe('Show details');

        toggle.click();
        await flushPromises();
        expect(textOf(element, 'messages')).toContain('Request limit exceeded');
    });
});
