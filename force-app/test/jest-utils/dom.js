/**
 * DOM helpers for component tests: a container's children render in their own shadow
 * roots, so tests of a container look through every shadow root below it.
 */
import { createElement } from '@lwc/engine-dom';

/** Lets wire emissions and promise chains settle. */
export async function flushPromises() {
    for (let i = 0; i < 5; i++) {
        await Promise.resolve();
    }
}

/**
 * Every element matching `selector` in `element`'s shadow tree and the shadow trees below
 * it, in the order a person reads them (a child component's content where it is placed).
 */
export function queryAllDeep(element, selector) {
    const found = [];
    const visit = (root) => {
        for (const child of root.querySelectorAll('*')) {
            if (child.matches(selector)) {
                found.push(child);
            }
            if (child.shadowRoot) {
                visit(child.shadowRoot);
            }
        }
    };
    visit(element.shadowRoot);
    return found;
}

/** The first element matching `selector` anywhere below `element` (null if none). */
export function queryDeep(element, selector) {
    return queryAllDeep(element, selector)[0] ?? null;
}

/**
 * The text a person sees in `node`, including what its child components render; elements
 * are set apart by a space (as list items read), text nodes are not.
 */
export function deepText(node) {
    if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent;
    }
    const own = node.shadowRoot ? [...node.shadowRoot.childNodes] : [];
    return [...own, ...node.childNodes]
        .map((child) =>
            child.nodeType === Node.ELEMENT_NODE ? ` ${deepText(child)} ` : deepText(child)
        )
        .join('');
}

/** The trimmed, whitespace-collapsed text of the element with `data-id`, anywhere below `element`. */
export function textOf(element, dataId) {
    const found = queryDeep(element, `[data-id="${dataId}"]`);
    return found ? deepText(found).replace(/\s+/g, ' ').trim() : undefined;
}

/** Types a value into a base component the way it reports a change. */
export function changeValue(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Creates a component, sets its properties and puts it on the page. */
export function mount(tag, component, props = {}) {
    const element = createElement(tag, { is: component });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** Takes every component off the page (after each test, as lwc-recipes does). */
export function resetDom() {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}

/**
 * Runs every test of the calling `describe` at `now` (fake timers; sa11y needs real ones:
 * call `jest.useRealTimers()` before `toBeAccessible()`), then clears the page and mocks.
 */
export function atFixedTime(now) {
    beforeEach(() => {
        jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
        jest.setSystemTime(now);
    });
    afterEach(() => {
        resetDom();
        jest.useRealTimers();
        jest.clearAllMocks();
    });
}
