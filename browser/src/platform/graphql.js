/**
 * Browser implementation of `lightning/graphql` against the local org's
 * GraphQL endpoint (POST /services/data/vXX.X/graphql).
 *  - `graphql` wire adapter: config { query, variables, operationName }; emits
 *    { data, errors }; re-queries when the variables change (cursor pagination
 *    is the component changing `after`).
 *  - `refreshGraphQL(result)`: re-runs the query that produced `result`.
 *  - `gql`: tagged template; the query text.
 *  - `executeMutation({ query, variables, operationName })` → { data, errors }.
 */
import { orgFetch } from './session';

export function gql(strings, ...values) {
    let text = '';
    strings.forEach((s, i) => {
        text += s + (i < values.length ? String(values[i]) : '');
    });
    return text;
}

async function post(config) {
    const query = config?.query;
    if (!query) return { data: undefined, errors: [{ message: 'A GraphQL query is required.' }] };
    try {
        const res = await orgFetch('/graphql', {
            method: 'POST',
            body: { query, variables: config.variables ?? {}, operationName: config.operationName }
        });
        if (res.ok) {
            // The endpoint answers "errors": [] on success; components test `if (errors)`,
            // and the platform gives them undefined then.
            const errors = res.body?.errors?.length ? res.body.errors : undefined;
            return { data: res.body?.data ?? undefined, errors };
        }
        const list = Array.isArray(res.body) ? res.body : (res.body?.errors ?? []);
        return {
            data: undefined,
            errors: list.length
                ? list.map((e) => ({ message: e.message, ...e }))
                : [{ message: `HTTP ${res.status}` }]
        };
    } catch (e) {
        return { data: undefined, errors: [{ message: e.message }] };
    }
}

const adapterOf = new WeakMap();

export class graphql {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.config = undefined;
        this.connected = false;
        this.seq = 0;
    }

    connect() {
        this.connected = true;
        if (this.config) this.run();
    }

    disconnect() {
        this.connected = false;
    }

    update(config) {
        const same = this.config && JSON.stringify(this.config) === JSON.stringify(config);
        this.config = config;
        if (this.connected && !same) this.run();
    }

    async run() {
        const mine = ++this.seq;
        // Wired properties start at { data: undefined, errors: undefined } while loading.
        if (!this.config?.query) return;
        const result = await post(this.config);
        if (mine !== this.seq || !this.connected) return;
        const emitted = { data: result.data, errors: result.errors };
        adapterOf.set(emitted, this);
        this.dataCallback(emitted);
    }
}

export function refreshGraphQL(result) {
    const adapter = result && adapterOf.get(result);
    if (!adapter) return Promise.resolve();
    return adapter.run();
}

export async function executeMutation(config) {
    const result = await post(config);
    return { data: result.data, errors: result.errors };
}
