/**
 * Meeting mode's keyboard shortcuts, shown on screen from this list. Letters act only when
 * the focus is not in a field; Escape leaves a field so the letters work again.
 */
export const SHORTCUTS = [
    { keys: 'j or ↓', action: 'next', text: 'Next lead' },
    { keys: 'k or ↑', action: 'previous', text: 'Previous lead' },
    { keys: 'Shift+J / Shift+K', action: 'nextRep', text: 'Next / previous rep' },
    { keys: 'p', action: 'progress', text: 'Write progress notes' },
    { keys: 'n', action: 'nextStep', text: 'Write the next step' },
    { keys: 'd', action: 'nextStepDate', text: 'Set the next-step date' },
    { keys: 's', action: 'status', text: 'Change the status' },
    { keys: 'r', action: 'review', text: 'Save and mark reviewed (then the next lead)' },
    { keys: 'h', action: 'handBack', text: 'Hand back to marketing (then the next lead)' },
    { keys: 'e', action: 'end', text: 'End the meeting and show the summary' },
    { keys: 'Esc', action: 'leave', text: 'Leave a field, or close the hand-back' }
];

const LETTERS = {
    j: 'next',
    ArrowDown: 'next',
    k: 'previous',
    ArrowUp: 'previous',
    J: 'nextRep',
    K: 'previousRep',
    p: 'progress',
    n: 'nextStep',
    d: 'nextStepDate',
    s: 'status',
    r: 'review',
    h: 'handBack',
    e: 'end'
};

// Base components count as fields too: their inner input is the target in a browser.
const TYPING = new Set([
    'INPUT',
    'TEXTAREA',
    'SELECT',
    'LIGHTNING-INPUT',
    'LIGHTNING-TEXTAREA',
    'LIGHTNING-COMBOBOX'
]);

/** The action a key press asks for, or null (typing in a field, modifiers, other keys). */
export function shortcutFor(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return null;
    const target = event.composedPath?.()[0] ?? event.target;
    const inField =
        TYPING.has(target?.tagName) ||
        target?.isContentEditable ||
        target?.getAttribute?.('role') === 'combobox';
    if (inField) return event.key === 'Escape' ? 'leave' : null;
    return LETTERS[event.key] ?? null;
}
