/**
 * soql-parser-js's lexer refuses U+2028 and U+2029 (JavaScript's line and paragraph
 * separators) anywhere, even inside a string literal, where the platform takes them as
 * they are. Inside literals they are swapped for private-use characters the query does not
 * hold before parsing, and swapped back in every string of the parsed query.
 */
const SEPARATORS = /[\u2028\u2029]/;

export function parseWithSeparators<T>(text: string, parse: (text: string) => T): T {
    if (!SEPARATORS.test(text)) return parse(text);
    const stand = standIns(text);
    let inLiteral = false;
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inLiteral && c === '\\') {
            out += c + (text[++i] ?? '');
            continue;
        }
        if (c === "'") inLiteral = !inLiteral;
        out += (inLiteral && stand.forward.get(c)) || c;
    }
    return restore(parse(out), stand.back) as T;
}

/** Two private-use characters the text does not hold, one per separator. */
function standIns(text: string): { forward: Map<string, string>; back: Map<string, string> } {
    const free: string[] = [];
    for (let code = 0xe000; free.length < 2; code++) {
        const c = String.fromCharCode(code);
        if (!text.includes(c)) free.push(c);
    }
    return {
        forward: new Map([
            ['\u2028', free[0]],
            ['\u2029', free[1]]
        ]),
        back: new Map([
            [free[0], '\u2028'],
            [free[1], '\u2029']
        ])
    };
}

function restore(value: unknown, back: Map<string, string>): unknown {
    if (typeof value === 'string')
        return value.replace(/[\ue000-\uf8ff]/g, (c) => back.get(c) ?? c);
    if (Array.isArray(value)) return value.map((v) => restore(v, back));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v, back)]));
    return value;
}
