/**
 * The meeting's hand-back dialog as a modal for keyboard users: Tab and Shift+Tab stay
 * inside it, and the focus goes back to where it was when it closes. The lead's action is
 * a stub with native controls (the base components' jest stubs render nothing to focus).
 */
import ReviewMeetingHandBack from 'c/reviewMeetingHandBack';
import { mount, resetDom } from 'jest-utils/dom';

jest.mock('c/handBackAction', () =>
    require('../../../../../test/jest-stubs/handBackAction/handBackAction')
);

function open() {
    const opener = document.createElement('button');
    opener.textContent = 'Hand back';
    document.body.appendChild(opener);
    opener.focus();
    const element = mount('c-review-meeting-hand-back', ReviewMeetingHandBack, {
        leadId: '00Q000000000001AAA',
        leadName: 'Lee Lead1'
    });
    const closed = jest.fn();
    element.addEventListener('close', closed);
    return { element, opener, closed };
}

const dialogOf = (element) => element.shadowRoot.querySelector('[data-id="handback-dialog"]');
const control = (element, id) =>
    element.shadowRoot
        .querySelector('c-hand-back-action')
        .shadowRoot.querySelector(`[data-id="${id}"]`);

function deepFocus() {
    let node = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    return node;
}

/** Presses Tab (or Shift+Tab) where the focus is; answers whether the dialog took it over. */
function pressTab(shiftKey = false) {
    const event = new KeyboardEvent('keydown', {
        key: 'Tab',
        shiftKey,
        bubbles: true,
        composed: true,
        cancelable: true
    });
    deepFocus().dispatchEvent(event);
    return event.defaultPrevented;
}

describe('c-review-meeting-hand-back keeps the keyboard inside', () => {
    afterEach(resetDom);

    it('Tab from the last control goes to the first, Shift+Tab from the first to the last', async () => {
        const { element } = open();
        expect(deepFocus()).toBe(dialogOf(element));
        const notes = control(element, 'notes');
        const confirm = control(element, 'confirm');

        // Shift+Tab from the dialog itself (where it puts the focus) goes to the last control.
        expect(pressTab(true)).toBe(true);
        expect(deepFocus()).toBe(confirm);
        // Tab from the last control (the disabled ones skipped) goes to the first.
        expect(pressTab()).toBe(true);
        expect(deepFocus()).toBe(notes);
        expect(pressTab(true)).toBe(true);
        expect(deepFocus()).toBe(confirm);
        // Between the ends the browser moves the focus as usual.
        control(element, 'cancel').focus();
        expect(pressTab()).toBe(false);
        expect(deepFocus()).toBe(control(element, 'cancel'));
        await expect(element).toBeAccessible();
    });

    it('closes on Escape and gives the focus back to where it was', async () => {
        const { element, opener, closed } = open();
        expect(deepFocus()).not.toBe(opener);
        control(element, 'confirm').focus();
        control(element, 'confirm').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })
        );
        expect(closed).toHaveBeenCalledTimes(1);
        // The meeting removes the dialog on close.
        element.remove();
        expect(document.activeElement).toBe(opener);
    });

    it('leaves Escape to a control that handled it (an open dropdown)', () => {
        const { element, closed } = open();
        const event = new KeyboardEvent('keydown', {
            key: 'Escape',
            bubbles: true,
            composed: true,
            cancelable: true
        });
        event.preventDefault();
        control(element, 'notes').dispatchEvent(event);
        expect(closed).not.toHaveBeenCalled();
    });
});
