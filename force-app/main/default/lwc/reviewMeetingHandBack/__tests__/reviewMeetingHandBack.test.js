import ReviewMeetingHandBack from 'c/reviewMeetingHandBack';
import { CloseActionScreenEvent } from 'lightning/actions';
import { mount, resetDom } from 'jest-utils/dom';

const LEAD = '00Q000000000001AAA';

function open() {
    const element = mount('c-review-meeting-hand-back', ReviewMeetingHandBack, {
        leadId: LEAD,
        leadName: 'Lee Lead1'
    });
    const events = { handedBack: [], closed: 0, outside: 0 };
    element.addEventListener('handedback', (e) => events.handedBack.push(e.detail));
    element.addEventListener('close', () => events.closed++);
    document.body.addEventListener('lightning__closeactionscreen', () => events.outside++);
    return { element, events };
}

const action = (element) => element.shadowRoot.querySelector('c-hand-back-action');

describe('c-review-meeting-hand-back', () => {
    afterEach(resetDom);

    it("opens the lead's own hand-back action in a dialog that takes the focus", async () => {
        const { element } = open();
        const dialog = element.shadowRoot.querySelector('[data-id="handback-dialog"]');
        expect(dialog.getAttribute('role')).toBe('dialog');
        expect(dialog.getAttribute('aria-label')).toBe('Hand back Lee Lead1 to marketing');
        expect(element.shadowRoot.activeElement).toBe(dialog);
        expect(action(element).recordId).toBe(LEAD);
        await expect(element).toBeAccessible();
    });

    it('passes the hand-back up, and closes when the action closes itself or on Escape', () => {
        const { element, events } = open();
        const changes = { id: LEAD, status: 'Nurturing' };
        action(element).dispatchEvent(new CustomEvent('handedback', { detail: { changes } }));
        expect(events.handedBack).toEqual([{ changes }]);
        action(element).dispatchEvent(new CloseActionScreenEvent());
        expect(events.closed).toBe(1);
        // Handled here: nothing above closes anything else for it.
        expect(events.outside).toBe(0);
        element.shadowRoot
            .querySelector('[data-id="handback-dialog"]')
            .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(events.closed).toBe(2);
    });
});
