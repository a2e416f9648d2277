/**
 * Reading every page of one or more GraphQL connections through a `graphql` wire: the
 * component hands `variables` to the wire, passes each result to `add`, and sets the
 * variables it returns until `add` returns null. Each round trip reads a page of every
 * connection at once; records are kept once per id.
 */
export function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

export class PageCollector {
    /**
     * @param {Record<string, string>} cursors connection name → its `after` variable
     * @param {number} limit records read at most per connection
     */
    constructor(cursors, limit) {
        this.cursors = cursors;
        this.limit = limit;
        this.records = Object.fromEntries(Object.keys(cursors).map((name) => [name, []]));
        this.seen = Object.fromEntries(Object.keys(cursors).map((name) => [name, new Set()]));
        this.roundTrips = 0;
    }

    /** The first page's variables (every cursor null) plus `extra`. */
    firstVariables(extra = {}) {
        return {
            ...Object.fromEntries(Object.values(this.cursors).map((v) => [v, null])),
            ...extra
        };
    }

    /** Adds one response (`data.uiapi.query`); the next page's variables, or null when done. */
    add(query, variables) {
        this.roundTrips += 1;
        const next = { ...variables };
        let more = false;
        for (const [name, cursor] of Object.entries(this.cursors)) {
            const connection = query?.[name];
            for (const node of edgesOf(connection)) {
                if (!this.seen[name].has(node.Id)) {
                    this.seen[name].add(node.Id);
                    this.records[name].push(node);
                }
            }
            const pageInfo = connection?.pageInfo;
            if (pageInfo?.hasNextPage && pageInfo.endCursor) {
                next[cursor] = pageInfo.endCursor;
                more = more || this.records[name].length < this.limit;
            }
        }
        return more ? next : null;
    }
}
