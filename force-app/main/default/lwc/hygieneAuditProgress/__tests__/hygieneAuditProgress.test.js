import HygieneAuditProgress from 'c/hygieneAuditProgress';
import { mount, queryDeep, textOf } from 'jest-utils/dom';

const cases = require('./data/progress.json');

describe('c-hygiene-audit-progress', () => {
    it.each(cases)('$name', async ({ props, percent, text }) => {
        const element = mount('c-hygiene-audit-progress', HygieneAuditProgress, props);
        expect(queryDeep(element, '[data-id="bar"]').getAttribute('aria-valuenow')).toBe(
            String(percent)
        );
        expect(textOf(element, 'progress-text')).toBe(text);
        await expect(element).toBeAccessible();
    });
});
