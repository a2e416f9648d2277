/**
 * SOSL for the local org: `FIND {expression} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR
 * FIELDS] [RETURNING Object[(fields [WHERE ...] [ORDER BY ...] [LIMIT n]
 * [OFFSET n])], ...] [WITH SPELL_CORRECTION = ...] [LIMIT n]`, and the same
 * search described by parameterizedSearch's parameters. Each RETURNING object
 * runs through the SOQL engine (its WHERE, ORDER BY and LIMIT parsed by the
 * SOQL parser, values bound), narrowed by the search; the answer is the
 * platform's `{ searchRecords: [...] }`, objects in RETURNING order, records
 * in Id order within each (the platform orders by relevance).
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { parseWithSeparators } from './soqlLiterals';
import type { SqliteSource } from './sqliteSource';
import type { FieldInfo, FindSpec, ObjectInfo, RecordValues } from './source';
import { runSearchQuery } from './soql';
import { canonicalPath, objectInfoOf } from './soqlWhere';
import {
    candidateFilter,
    malformedSearch,
    matches,
    parseSearch,
    type SearchExpr
} from './soslTerms';

const partialQuery = (text: string) => parseQuery(text, { allowPartialQuery: true }) as Query;

/** The platform's cap on a search's records, overall and per object. */
export const MAX_SEARCH_RECORDS = 2_000;

export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

export interface Search {
    expr: SearchExpr;
    group: SearchGroup;
    /** One SOQL query per RETURNING object (no FROM-less parts: sObject is set). */
    returning?: Query[];
    limit: number;
}

/** Objects with no records a user searches for. */
const NOT_SEARCHED = new Set(['Organization', 'LeadStatus', 'GroupMember']);
const NAME_FIELDS = new Set(['Name', 'FirstName', 'LastName']);
const TEXT_KINDS = new Set<FieldInfo['kind']>(['string', 'textarea', 'email', 'phone', 'url']);

/** The fields a search group reads on an object. */
export function searchedFields(info: ObjectInfo, group: SearchGroup): string[] {
    const keep: Record<SearchGroup, (f: FieldInfo) => boolean> = {
        ALL: (f) => TEXT_KINDS.has(f.kind),
        SIDEBAR: (f) => TEXT_KINDS.has(f.kind),
        NAME: (f) => NAME_FIELDS.has(f.name),
        EMAIL: (f) => f.kind === 'email',
        PHONE: (f) => f.kind === 'phone'
    };
    return Object.values(info.fields)
        .filter(keep[group])
        .map((f) => f.name);
}

function checkLimit(value: unknown, what: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
        malformedSearch(`${what} must be a whole number of records, not ${String(value)}.`);
    return Math.min(n, MAX_SEARCH_RECORDS);
}

/**
 * A RETURNING object's query from its parts: the field list and clauses in
 * its parentheses are parsed by the SOQL parser as a SELECT without FROM (the
 * object comes from the search, never from this text).
 */
export function returningQuery(store: SqliteSource, object: string, clauses?: string): Query {
    const info = objectInfoOf(store, object);
    let query: Query = { fields: [{ type: 'Field', field: 'Id' }], sObject: info.name } as Query;
    if (clauses?.trim()) {
        let parsed: Query;
        try {
            parsed = parseWithSeparators(`SELECT ${clauses}`, partialQuery);
        } catch (e) {
            const reason = (e as Error).message.split('\n')[0].slice(0, 200);
            return malformedSearch(`Bad field list or clause in ${info.name}(...): ${reason}`);
        }
        const fields = (parsed.fields ?? []) as unknown as { type: string }[];
        if (parsed.sObject || !fields.length)
            malformedSearch(
                `${info.name}(...) lists fields, then WHERE, ORDER BY, LIMIT or OFFSET.`
            );
        if (parsed.groupBy || parsed.having)
            malformedSearch('GROUP BY and HAVING cannot be used in a search.');
        if (fields.some((f) => f.type !== 'Field' && f.type !== 'FieldRelationship'))
            malformedSearch(
                `${info.name}(...) may list fields only (no subqueries, functions or TYPEOF).`
            );
        query = { ...parsed, sObject: info.name };
    }
    if (query.limit !== undefined) query.limit = checkLimit(query.limit, 'LIMIT');
    return query;
}

/** Where the statement's text stands, as the platform points at it. */
function at(text: string, index: number, reason: string): never {
    const column = index + 1;
    return malformedSearch(
        `\n${text}\n${' '.repeat(index)}^\nERROR at Row:1:Column:${column}\n${reason}`
    );
}

/** The end (exclusive) of a parenthesised group starting at `open`, skipping quoted text. */
function closingParen(text: string, open: number): number {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === "'") {
            for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === '\\') i++;
        } else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) return i + 1;
    }
    return at(text, open, 'The parenthesis is not closed.');
}

/** Parses a SOSL statement; anything it cannot read is MALFORMED_SEARCH saying where. */
export function parseSosl(store: SqliteSource, text: string): Search {
    if (typeof text !== 'string' || !text.trim())
        malformedSearch('A search string is required (q=FIND {...}).');
    if (text.length > 100_000) malformedSearch('The search is longer than 100,000 characters.');
    const head = /^\s*FIND\s*\{/i.exec(text);
    if (!head) malformedSearch('No search term found. The search term must be enclosed in braces.');
    let close = head[0].length;
    while (close < text.length && text[close] !== '}') close += text[close] === '\\' ? 2 : 1;
    if (close >= text.length)
        at(text, head[0].length - 1, "The search's opening brace is not closed.");
    const search: Search = {
        expr: parseSearch(text.slice(head[0].length, close)),
        group: 'ALL',
        limit: MAX_SEARCH_RECORDS
    };
    let pos = close + 1;
    const word = /\s*([A-Za-z_][A-Za-z0-9_]*)/y;
    const next = (): string | undefined => {
        word.lastIndex = pos;
        const m = word.exec(text);
        if (!m) return undefined;
        pos = word.lastIndex;
        return m[1];
    };
    /** Where the next token starts (after spaces), for pointing at it. */
    const tokenAt = () => pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
    const unexpected = (): never => {
        const start = tokenAt();
        return at(text, start, `Malformed search token: ${text.slice(start).split(/[\s(),]/)[0]}`);
    };
    const expectWord = (want: string) => {
        const start = pos;
        if (next()?.toUpperCase() !== want) {
            pos = start;
            unexpected();
        }
    };
    for (;;) {
        const start = pos;
        const keyword = next()?.toUpperCase();
        if (keyword === undefined) {
            if (text.slice(pos).trim()) unexpected();
            return search;
        }
        if (keyword === 'IN') {
            const groupStart = pos;
            const group = next()?.toUpperCase();
            if (!group || !['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'].includes(group)) {
                pos = groupStart;
                unexpected();
            }
            expectWord('FIELDS');
            search.group = group as SearchGroup;
        } else if (keyword === 'RETURNING') {
            search.returning = [];
            do {
                const nameStart = pos;
                const name = next();
                if (!name) at(text, nameStart, 'RETURNING needs an object name.');
                const paren = /\s*\(/y;
                paren.lastIndex = pos;
                let clauses: string | undefined;
                if (paren.exec(text)) {
                    const open = paren.lastIndex - 1;
                    const end = closingParen(text, open);
                    clauses = text.slice(open + 1, end - 1);
                    pos = end;
                }
                search.returning.push(returningQuery(store, name, clauses));
                const comma = /\s*,/y;
                comma.lastIndex = pos;
                if (!comma.exec(text)) break;
                pos = comma.lastIndex;
            } while (pos < text.length);
        } else if (keyword === 'WITH') {
            // Spell correction changes nothing here: the local org has none to turn off.
            const option = /\s*SPELL_CORRECTION\s*=\s*(TRUE|FALSE)\b/iy;
            option.lastIndex = pos;
            if (!option.exec(text))
                at(
                    text,
                    pos,
                    'Only WITH SPELL_CORRECTION = true|false is supported by the local org.'
                );
            pos = option.lastIndex;
        } else if (keyword === 'LIMIT') {
            const n = /\s*(\d+)/y;
            n.lastIndex = pos;
            const m = n.exec(text);
            if (!m) at(text, pos, 'LIMIT needs a number.');
            search.limit = checkLimit(m[1], 'LIMIT');
            pos = n.lastIndex;
        } else {
            pos = start;
            unexpected();
        }
    }
}

/** Reads a RETURNING object's candidates in pages, keeping exact matches until LIMIT is met. */
function searchScope(store: SqliteSource, info: ObjectInfo, search: Search, room: number) {
    const fields = searchedFields(info, search.group);
    return {
        filter: candidateFilter(search.expr, fields),
        find(object: string, spec: FindSpec) {
            const wanted = spec.offset + Math.min(spec.limit, room);
            const kept: RecordValues[] = [];
            const read = [...new Set([...spec.fields, ...fields])];
            for (let offset = 0; kept.length < wanted; offset += MAX_SEARCH_RECORDS) {
                const page = store.find(object, {
                    ...spec,
                    fields: read,
                    limit: MAX_SEARCH_RECORDS,
                    offset
                }).records;
                for (const row of page)
                    if (
                        matches(
                            search.expr,
                            fields.map((f) => row[f])
                        )
                    )
                        kept.push(row);
                if (page.length < MAX_SEARCH_RECORDS) break;
            }
            const records = kept.slice(spec.offset, wanted);
            return { records, totalCount: records.length };
        }
    };
}

/** Runs a parsed search: `{ searchRecords }` as the REST API answers it. */
export function runSearch(store: SqliteSource, search: Search, now = new Date()) {
    const queries =
        search.returning ??
        store
            .objectNames()
            .filter((n) => !NOT_SEARCHED.has(n))
            .map((n) => ({ fields: [{ type: 'Field', field: 'Id' }], sObject: n }) as Query);
    const searchRecords: RecordValues[] = [];
    for (const query of queries) {
        const room = search.limit - searchRecords.length;
        if (room <= 0) break;
        const info = objectInfoOf(store, query.sObject);
        if (!searchedFields(info, search.group).length) continue;
        const scope = searchScope(store, info, search, room);
        searchRecords.push(...runSearchQuery(store, query, scope, now).records);
    }
    return { searchRecords };
}

/** Runs SOSL text (the REST `search?q=` resource). */
export function runSosl(store: SqliteSource, text: string, now = new Date()) {
    return runSearch(store, parseSosl(store, text), now);
}

/** parameterizedSearch's request, from GET parameters or the POST body. */
export interface SearchParameters {
    q: string;
    in?: string;
    /** Fields for every object that lists none of its own. */
    fields?: string[];
    sobjects?: {
        name: string;
        fields?: string[];
        where?: string;
        orderBy?: string;
        limit?: number;
    }[];
    overallLimit?: number;
    defaultLimit?: number;
    offset?: number;
}

/** One clause of parameterizedSearch (a WHERE or ORDER BY text), parsed alone by the SOQL parser. */
function clause(kind: 'WHERE' | 'ORDER BY', text: string, object: string): Partial<Query> {
    let parsed: Query;
    try {
        parsed = parseWithSeparators(`${kind} ${text}`, partialQuery);
    } catch (e) {
        const reason = (e as Error).message.split('\n')[0].slice(0, 200);
        return malformedSearch(`Bad ${kind} for ${object}: ${reason}`);
    }
    const keys = Object.keys(parsed).filter((k) => parsed[k as keyof Query] !== undefined);
    const own = kind === 'WHERE' ? 'where' : 'orderBy';
    if (keys.length !== 1 || keys[0] !== own)
        malformedSearch(`The ${kind} for ${object} holds more than a ${kind} clause.`);
    return { [own]: parsed[own] };
}

/** The search a parameterizedSearch request describes (SOSL clauses are not read from q). */
export function parameterizedSearch(store: SqliteSource, p: SearchParameters): Search {
    if (typeof p.q !== 'string' || !p.q.trim()) malformedSearch('A search string is required (q).');
    const group = String(p.in ?? 'ALL').toUpperCase();
    if (!['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'].includes(group))
        malformedSearch(`in must be ALL, NAME, EMAIL, PHONE or SIDEBAR, not ${p.in}.`);
    const sobjects = p.sobjects ?? [];
    if (p.offset !== undefined && sobjects.length !== 1)
        malformedSearch('offset needs exactly one sobject.');
    const defaultLimit =
        p.defaultLimit === undefined ? undefined : checkLimit(p.defaultLimit, 'defaultLimit');
    const returning = sobjects.map((o) => {
        const info = objectInfoOf(store, o.name);
        const names = o.fields?.length ? o.fields : p.fields?.length ? p.fields : ['Id'];
        const limit = o.limit ?? defaultLimit;
        return {
            fields: fieldList(store, info, names),
            sObject: info.name,
            ...(o.where ? clause('WHERE', o.where, info.name) : {}),
            ...(o.orderBy ? clause('ORDER BY', o.orderBy, info.name) : {}),
            ...(limit !== undefined ? { limit: checkLimit(limit, 'limit') } : {}),
            ...(p.offset !== undefined ? { offset: checkLimit(p.offset, 'offset') } : {})
        } as Query;
    });
    return {
        expr: parseSearch(p.q),
        group: group as SearchGroup,
        returning: returning.length ? returning : undefined,
        limit:
            p.overallLimit === undefined
                ? MAX_SEARCH_RECORDS
                : checkLimit(p.overallLimit, 'overallLimit')
    };
}

/** A field list of parameterizedSearch, each name checked against the object. */
function fieldList(store: SqliteSource, info: ObjectInfo, names: string[]): Query['fields'] {
    return names.map((n) => {
        const path = canonicalPath(store, info, n.trim()).path;
        const parts = path.split('.');
        return parts.length > 1
            ? {
                  type: 'FieldRelationship',
                  field: parts[parts.length - 1],
                  relationships: parts.slice(0, -1),
                  rawValue: path
              }
            : { type: 'Field', field: path };
    }) as Query['fields'];
}
