/**
 * The focus trap on plain DOM (the meeting's hand-back dialog tests it through its
 * component): what Tab reaches, the wrap at both ends, and the focus brought back into the
 * modal when it was dropped outside.
 */
import { focusedElement, keepTabInside, tabbableElements } from 'c/focusTrap';

/** An element with attributes (`true` for a boolean one) and children. */
function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, value === true ? '' : value);
    }
    element.append(...children);
    return element;
}

function modal() {
    const outside = el('button', {}, 'Outside');
    const dialog = el(
        'section',
        { tabindex: '-1' },
        el('button', { 'data-id': 'close' }, 'Close'),
        el('input', { 'data-id': 'hidden', type: 'hidden' }),
        el('button', { 'data-id': 'disabled', disabled: true }, 'Disabled'),
        el('div', { 'data-id': 'skipped', tabindex: '-1' }, 'Not in the Tab order'),
        el('div', { hidden: true }, el('button', { 'data-id': 'in-hidden' }, 'Hidden')),
        el('textarea', { 'data-id': 'notes' }),
        el('button', { 'data-id': 'confirm' }, 'Confirm')
    );
    document.body.append(outside, dialog);
    const at = (id) => dialog.querySelector(`[data-id="${id}"]`);
    return { dialog, outside, at };
}

/** Presses Tab (or Shift+Tab); answers whether the trap moved the focus itself. */
function pressTab(dialog, shiftKey = false) {
    const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });
    keepTabInside(event, dialog);
    return event.defaultPrevented;
}

describe('c/focusTrap', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('lists what Tab reaches, in order, without disabled, hidden or unfocusable elements', () => {
        const { dialog, at } = modal();
        expect(tabbableElements(dialog)).toEqual([at('close'), at('notes'), at('confirm')]);
    });

    it('wraps Tab from the last element to the first and Shift+Tab from the first to the last', () => {
        const { dialog, at } = modal();
        dialog.focus();
        expect(pressTab(dialog, true)).toBe(true);
        expect(focusedElement()).toBe(at('confirm'));
        expect(pressTab(dialog)).toBe(true);
        expect(focusedElement()).toBe(at('close'));
        expect(pressTab(dialog, true)).toBe(true);
        expect(focusedElement()).toBe(at('confirm'));
        // Between the ends the browser moves the focus; other keys are left alone.
        at('notes').focus();
        expect(pressTab(dialog)).toBe(false);
        expect(pressTab(dialog, true)).toBe(false);
        const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
        keepTabInside(enter, at('confirm'));
        expect(enter.defaultPrevented).toBe(false);
    });

    it('brings a focus dropped outside the modal back in: Tab to the first, Shift+Tab to the last', () => {
        const { dialog, outside, at } = modal();
        outside.focus();
        expect(pressTab(dialog)).toBe(true);
        expect(focusedElement()).toBe(at('close'));
        outside.focus();
        expect(pressTab(dialog, true)).toBe(true);
        expect(focusedElement()).toBe(at('confirm'));
    });

    it('keeps the focus on the modal itself when nothing inside can take it', () => {
        const dialog = el('section', { tabindex: '-1' }, 'Saving…');
        document.body.append(dialog);
        dialog.focus();
        expect(pressTab(dialog)).toBe(true);
        expect(focusedElement()).toBe(dialog);
    });
});
