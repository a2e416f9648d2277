import ReviewMeetingLead from 'c/reviewMeetingLead';
import { mount, resetDom, textOf } from 'jest-utils/dom';

const cards = require('../../reviewBoardCard/__tests__/data/cards.json');
const PROPS = {
    card: cards.overdue,
    draft: {
        progress: '',
        nextStep: 'Send pricing',
        nextStepDate: '2026-11-18',
        status: 'Working'
    },
    statuses: ['New', 'Working'],
    problems: []
};

describe('c-review-meeting-lead', () => {
    afterEach(resetDom);

    it('shows the card and the form filled from the draft', async () => {
        const element = mount('c-review-meeting-lead', ReviewMeetingLead, PROPS);
        expect(element.shadowRoot.querySelector('c-review-board-card').hideMove).toBe(true);
        const field = (name) => element.shadowRoot.querySelector(`[data-field="${name}"]`);
        expect(field('nextStep').value).toBe('Send pricing');
        expect(field('nextStepDate').value).toBe('2026-11-18');
        expect(field('status').options).toEqual([
            { label: 'New', value: 'New' },
            { label: 'Working', value: 'Working' }
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows problems under their field, the notice and the reviewed mark', async () => {
        const element = mount('c-review-meeting-lead', ReviewMeetingLead, {
            ...PROPS,
            problems: [{ field: 'nextStepDate', message: 'The next-step date is in the past.' }],
            notice: 'Reassigned to Ben Okafor since the meeting started.',
            reviewed: true
        });
        expect(textOf(element, 'problem-nextStepDate')).toBe('The next-step date is in the past.');
        expect(textOf(element, 'problem-nextStep')).toBeUndefined();
        expect(textOf(element, 'lead-notice')).toBe(
            'Reassigned to Ben Okafor since the meeting started.'
        );
        expect(textOf(element, 'lead-reviewed')).toBe('Reviewed in this meeting');
        await expect(element).toBeAccessible();
    });

    it('sends edits up and takes the focus when asked', () => {
        const element = mount('c-review-meeting-lead', ReviewMeetingLead, PROPS);
        const edits = jest.fn();
        element.addEventListener('draftchange', edits);
        const progress = element.shadowRoot.querySelector('[data-field="progress"]');
        progress.dispatchEvent(new CustomEvent('change', { detail: { value: 'Booked a demo' } }));
        expect(edits.mock.calls[0][0].detail).toEqual({
            field: 'progress',
            value: 'Booked a demo'
        });
        progress.focus = jest.fn();
        element.focusField('progress');
        element.focusField('unknown');
        expect(progress.focus).toHaveBeenCalledTimes(1);
    });
});
