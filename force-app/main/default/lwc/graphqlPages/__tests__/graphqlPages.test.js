import { PageCollector, edgesOf } from 'c/graphqlPages';

const page = (ids, next) => ({
    edges: ids.map((Id) => ({ node: { Id } })),
    pageInfo: { hasNextPage: Boolean(next), endCursor: next ?? null }
});

describe('c/graphqlPages', () => {
    it('reads nodes and skips empty edges', () => {
        expect(edgesOf({ edges: [{ node: { Id: 'a' } }, { node: null }] })).toEqual([{ Id: 'a' }]);
        expect(edgesOf(undefined)).toEqual([]);
    });

    it('asks for the next page of every connection that has one, once per round trip', () => {
        const pages = new PageCollector({ Lead: 'leadAfter', Task: 'taskAfter' }, 10);
        const first = pages.firstVariables({ pageSize: 2 });
        expect(first).toEqual({ leadAfter: null, taskAfter: null, pageSize: 2 });
        const second = pages.add({ Lead: page(['L1', 'L2'], 'c2'), Task: page(['T1']) }, first);
        expect(second).toEqual({ leadAfter: 'c2', taskAfter: null, pageSize: 2 });
        // A repeated id (the last page read again) is kept once.
        expect(pages.add({ Lead: page(['L2', 'L3']), Task: page([]) }, second)).toBeNull();
        expect(pages.records.Lead.map((r) => r.Id)).toEqual(['L1', 'L2', 'L3']);
        expect(pages.roundTrips).toBe(2);
    });

    it('stops at the limit', () => {
        const pages = new PageCollector({ Lead: 'leadAfter' }, 2);
        expect(pages.add({ Lead: page(['L1', 'L2'], 'c2') }, {})).toBeNull();
    });
});
