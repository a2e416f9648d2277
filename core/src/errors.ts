/**
 * The one place that turns errors into messages a person can read: LDS / UI
 * API errors (`{ body }`), GraphQL errors (`[{ message }]`), REST API errors
 * (`[{ message, errorCode }]`), jsforce errors (`{ errorCode, message }`) and
 * plain JS errors. Components, the CLI and the local org all use it.
 */

interface MessageLike {
    message?: unknown;
}

function messagesOf(list: unknown): string[] {
    return Array.isArray(list)
        ? list
              .map((e: MessageLike) => (typeof e?.message === 'string' ? e.message : ''))
              .filter(Boolean)
        : [];
}

function fieldErrorMessages(fieldErrors: unknown): string[] {
    if (!fieldErrors || typeof fieldErrors !== 'object') {
        return [];
    }
    return Object.values(fieldErrors as Record<string, unknown>).flatMap(messagesOf);
}

function reduceOne(error: unknown): string[] {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (typeof error !== 'object') {
        return [String(error)];
    }
    const e = error as Record<string, unknown>;
    const body = e.body as Record<string, unknown> | unknown[] | undefined;
    if (Array.isArray(body)) {
        // UI API read errors
        return messagesOf(body);
    }
    if (body && typeof body === 'object') {
        const output = body.output as Record<string, unknown> | undefined;
        const found = [
            ...messagesOf(body.pageErrors),
            ...fieldErrorMessages(body.fieldErrors),
            ...messagesOf(output?.errors),
            ...fieldErrorMessages(output?.fieldErrors)
        ];
        if (found.length) {
            return found;
        }
        if (typeof body.message === 'string') {
            return [body.message];
        }
    }
    if (Array.isArray(e.errors) && e.errors.length) {
        // GraphQL response or sObject Collections result
        return messagesOf(e.errors);
    }
    if (typeof e.message === 'string' && e.message) {
        return [e.message];
    }
    if (typeof e.statusText === 'string' && e.statusText) {
        return [e.statusText];
    }
    return [];
}

/**
 * Reduces one or more errors into a list of messages, without duplicates.
 * Never throws, whatever it is given.
 */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.flatMap(reduceOne).filter((m) => m.length > 0);
    return [...new Set(messages)];
}
