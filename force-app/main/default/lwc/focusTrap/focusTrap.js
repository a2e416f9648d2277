/**
 * Keyboard focus for a modal dialog whose content is other components: what is focused
 * (through the shadow roots it sits in) and what Tab reaches inside the dialog, in order.
 * One implementation for every modal of the package (the review meeting's hand-back) and
 * of the browser app shell (its quick-action modal imports it as `c/focusTrap`).
 */

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The element that has the focus, looked up through the shadow roots it sits in. */
export function focusedElement() {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) {
        element = element.shadowRoot.activeElement;
    }
    return element;
}

function isTabbable(element) {
    return (
        element.matches(TABBABLE) &&
        !element.disabled &&
        element.tabIndex >= 0 &&
        element.type !== 'hidden' &&
        !element.closest('[hidden]')
    );
}

/**
 * What Tab reaches in `container`, in order: a child component's content where the
 * component is placed (its shadow root, then what is slotted into it).
 */
export function tabbableElements(container) {
    const found = [];
    const visit = (parent) => {
        for (const child of parent.children) {
            if (isTabbable(child)) found.push(child);
            if (child.shadowRoot) visit(child.shadowRoot);
            visit(child);
        }
    };
    visit(container);
    return found;
}

/** Whether `node` is `container` or inside it, across the shadow roots between them. */
function isInside(node, container) {
    for (let n = node; n; n = n.parentNode ?? n.host) {
        if (n === container) return true;
    }
    return false;
}

/**
 * Keeps Tab and Shift+Tab inside `container`: from the last element Tab goes to the
 * first, from the first (or the container itself) Shift+Tab goes to the last. With the
 * focus outside (a control disabled while saving drops it to the page), Tab goes to the
 * first and Shift+Tab to the last, so the keyboard never leaves an open modal.
 */
export function keepTabInside(event, container) {
    if (event.key !== 'Tab') return;
    const elements = tabbableElements(container);
    const focused = focusedElement();
    const first = elements[0];
    const last = elements[elements.length - 1];
    let next = null;
    if (!elements.length) next = container;
    else if (!isInside(focused, container)) next = event.shiftKey ? last : first;
    else if (event.shiftKey && (focused === first || focused === container)) next = last;
    else if (!event.shiftKey && focused === last) next = first;
    if (next) {
        event.preventDefault();
        next.focus();
    }
}
