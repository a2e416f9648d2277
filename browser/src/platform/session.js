/**
 * The browser's session with the local org: its access token and API version
 * (from GET /leadloop/session, served by the local org to 127.0.0.1 only) and
 * the user the person acts as (picked in the global header, kept in
 * localStorage). `@salesforce/user/Id` resolves to `currentUserId`.
 */
const USER_KEY = 'leadloop.userId';

const state = { accessToken: null, apiVersion: null, users: [], loaded: null };

function storedUser() {
    try {
        return window.localStorage.getItem(USER_KEY);
    } catch {
        return null;
    }
}

// A live binding: components read it when they are constructed, after loadSession().
export let currentUserId = storedUser();

export function loadSession() {
    state.loaded ??= fetch('/leadloop/session', { headers: { Accept: 'application/json' } })
        .then((res) => {
            if (!res.ok)
                throw new Error(`The local org did not start a session (HTTP ${res.status}).`);
            return res.json();
        })
        .then((body) => {
            state.accessToken = body.accessToken;
            state.apiVersion = body.apiVersion;
            state.users = body.users ?? [];
            if (!state.users.some((u) => u.Id === currentUserId)) {
                currentUserId = body.defaultUserId ?? state.users[0]?.Id ?? null;
            }
            return state;
        });
    return state.loaded;
}

export function users() {
    return state.users;
}

export function actAs(userId) {
    currentUserId = userId;
    try {
        window.localStorage.setItem(USER_KEY, userId);
    } catch {
        // private mode: the choice lasts for this page only
    }
}

export function apiPath(suffix) {
    return `/services/data/v${state.apiVersion}${suffix}`;
}

/** fetch() against the local org with the token; answers { ok, status, body }. */
export async function orgFetch(suffix, { method = 'GET', body, headers = {} } = {}) {
    await loadSession();
    const res = await fetch(apiPath(suffix), {
        method,
        headers: {
            Authorization: `Bearer ${state.accessToken}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(currentUserId ? { 'X-LeadLoop-Act-As': currentUserId } : {}),
            ...headers
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await res.text();
    let parsed = null;
    try {
        parsed = text ? JSON.parse(text) : null;
    } catch {
        parsed = [{ errorCode: 'UNKNOWN', message: text.slice(0, 500) }];
    }
    return { ok: res.ok, status: res.status, body: parsed };
}

/** A platform-shaped error for a failed UI API call (what reduceErrors reads). */
export function fetchError(status, body) {
    const list = Array.isArray(body) ? body : body ? [body] : [];
    const first = list[0] ?? {};
    return {
        status,
        statusText: first.errorCode ?? 'ERROR',
        body: {
            message: first.message ?? `HTTP ${status}`,
            errorCode: first.errorCode,
            output: first.output,
            enhancedErrorType: first.enhancedErrorType
        }
    };
}
