/**
 * A SOSL search expression (what FIND's braces hold, or parameterizedSearch's
 * q): words and "quoted phrases" with the wildcards * and ?, joined by AND,
 * OR, AND NOT and parentheses (words side by side mean AND). Reserved
 * characters are literal when escaped with a backslash.
 *
 * Matching follows the platform's search index: text is split into tokens at
 * spaces and punctuation, case does not matter, a term matches whole tokens
 * (a term with punctuation, like an email address, matches its tokens in a
 * row, as a phrase does); a record matches when each term is found in one of
 * its searched fields.
 */
import { SourceError, type Filter } from './source';

export type SearchExpr =
    | { term: RegExp[]; fragments: string[] }
    | { and: SearchExpr[] }
    | { or: SearchExpr[] }
    | { andNot: [SearchExpr, SearchExpr] };

export function malformedSearch(message: string): never {
    throw new SourceError('MALFORMED_SEARCH', message);
}

/** Splits text into search tokens: runs of letters and digits, lower case. */
export function tokens(text: string): string[] {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A character that stands for itself or, unescaped, for a wildcard. */
interface Char {
    c: string;
    wild: boolean;
}

/** Turns one term (escapes already resolved into Chars) into token patterns and plain fragments. */
function termOf(chars: Char[]): { term: RegExp[]; fragments: string[] } {
    const words: Char[][] = [[]];
    for (const ch of chars) {
        if (ch.wild || /[\p{L}\p{N}]/u.test(ch.c)) words[words.length - 1].push(ch);
        else if (words[words.length - 1].length) words.push([]);
    }
    const kept = words.filter((w) => w.length);
    const term = kept.map(
        (w) =>
            new RegExp(
                `^${w
                    .map((ch) =>
                        ch.wild
                            ? ch.c === '*'
                                ? '[\\p{L}\\p{N}]*'
                                : '[\\p{L}\\p{N}]'
                            : ch.c.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
                    )
                    .join('')}$`,
                'u'
            )
    );
    // The longest plain run of each token narrows the candidates in SQL (LIKE '%run%').
    const fragments = kept.map((w) =>
        w
            .map((ch) => (ch.wild ? '\u0000' : ch.c.toLowerCase()))
            .join('')
            .split('\u0000')
            .reduce((a, b) => (b.length > a.length ? b : a), '')
    );
    return { term, fragments: fragments.filter((f) => f) };
}

type Tok = '(' | ')' | 'AND' | 'OR' | 'NOT' | Char[];

function lex(text: string): Tok[] {
    const out: Tok[] = [];
    let i = 0;
    let word: Char[] | null = null;
    const end = () => {
        if (!word) return;
        const plain = word.every((c) => !c.wild)
            ? word
                  .map((c) => c.c)
                  .join('')
                  .toUpperCase()
            : '';
        // Unquoted AND, OR and NOT are operators; quoted ("and") they are words.
        out.push(plain === 'AND' || plain === 'OR' || plain === 'NOT' ? plain : word);
        word = null;
    };
    while (i < text.length) {
        const c = text[i];
        if (c === '\\') {
            if (i + 1 >= text.length)
                malformedSearch('The search ends with an unfinished escape (\\).');
            (word ??= []).push({ c: text[i + 1], wild: false });
            i += 2;
        } else if (/\s/.test(c)) {
            end();
            i++;
        } else if (c === '(' || c === ')') {
            end();
            out.push(c);
            i++;
        } else if (c === '"') {
            end();
            const phrase: Char[] = [];
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === '\\' && i + 1 < text.length) {
                    phrase.push({ c: text[i + 1], wild: false });
                    i += 2;
                } else {
                    phrase.push({ c: text[i], wild: text[i] === '*' || text[i] === '?' });
                    i++;
                }
            }
            if (i >= text.length) malformedSearch('A quoted phrase in the search is not closed.');
            i++;
            out.push(phrase.length ? phrase : [{ c: ' ', wild: false }]);
        } else {
            (word ??= []).push({ c, wild: c === '*' || c === '?' });
            i++;
        }
    }
    end();
    return out;
}

/** Parses a search expression; a bad one is MALFORMED_SEARCH, saying what is wrong. */
export function parseSearch(text: string): SearchExpr {
    const toks = lex(text);
    const plain = toks
        .filter((t): t is Char[] => Array.isArray(t))
        .flat()
        .filter((c) => !c.wild && c.c.trim()).length;
    if (plain < 2) malformedSearch('search term must be longer than one character');
    let pos = 0;
    const orExpr = (): SearchExpr => {
        const parts = [andExpr()];
        while (toks[pos] === 'OR') {
            pos++;
            parts.push(andExpr());
        }
        return parts.length === 1 ? parts[0] : { or: parts };
    };
    const andExpr = (): SearchExpr => {
        let left = primary();
        const parts: SearchExpr[] = [];
        for (;;) {
            const t = toks[pos];
            if (t === 'AND' && toks[pos + 1] === 'NOT') {
                pos += 2;
                left = { andNot: [parts.length ? { and: [...parts, left] } : left, primary()] };
                parts.length = 0;
            } else if (t === 'AND') {
                pos++;
                parts.push(left);
                left = primary();
            } else if (t === '(' || Array.isArray(t)) {
                parts.push(left);
                left = primary();
            } else break;
        }
        return parts.length ? { and: [...parts, left] } : left;
    };
    const primary = (): SearchExpr => {
        const t = toks[pos++];
        if (t === '(') {
            const inner = orExpr();
            if (toks[pos++] !== ')') malformedSearch('Unbalanced parentheses in the search.');
            return inner;
        }
        if (Array.isArray(t)) return termOf(t);
        return malformedSearch(
            t === undefined
                ? 'The search ends where a term is expected.'
                : `Unexpected ${t} in the search: an operator needs a term on each side.`
        );
    };
    const expr = orExpr();
    if (pos !== toks.length) malformedSearch(`Unexpected ${String(toks[pos])} in the search.`);
    return expr;
}

function termFound(patterns: RegExp[], values: string[][]): boolean {
    if (!patterns.length) return false;
    return values.some((words) => {
        for (let i = 0; i + patterns.length <= words.length; i++)
            if (patterns.every((p, k) => p.test(words[i + k]))) return true;
        return false;
    });
}

/** Whether a record whose searched fields hold `values` matches the expression. */
export function matches(expr: SearchExpr, values: unknown[]): boolean {
    const words = values.filter((v) => typeof v === 'string').map((v) => tokens(v as string));
    const test = (e: SearchExpr): boolean => {
        if ('term' in e) return termFound(e.term, words);
        if ('and' in e) return e.and.every(test);
        if ('or' in e) return e.or.some(test);
        return test(e.andNot[0]) && !test(e.andNot[1]);
    };
    return test(expr);
}

/**
 * A filter that keeps every record the expression could match (a superset,
 * refined by `matches`): each term's plain fragments in one of the fields.
 * The fragments are letters and digits only, so LIKE reads them literally.
 */
export function candidateFilter(expr: SearchExpr, fields: string[]): Filter | undefined {
    if ('term' in expr) {
        if (!expr.fragments.length) return undefined;
        return {
            or: fields.map((field) => ({
                and: expr.fragments.map((f) => ({ field, op: 'like' as const, value: `%${f}%` }))
            }))
        };
    }
    if ('andNot' in expr) return candidateFilter(expr.andNot[0], fields);
    const parts = ('and' in expr ? expr.and : expr.or).map((e) => candidateFilter(e, fields));
    if ('and' in expr) {
        const kept = parts.filter((p): p is Filter => !!p);
        return kept.length ? { and: kept } : undefined;
    }
    return parts.every((p) => p) ? { or: parts as Filter[] } : undefined;
}
