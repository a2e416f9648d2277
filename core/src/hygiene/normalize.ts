/**
 * Normalised matching keys for duplicates and account matching: the same person typed
 * twice gives the same key. Each function is idempotent (normalising a key returns it
 * unchanged) and returns null when there is nothing to match on.
 */

const MARKS = /\p{M}+/gu;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
/** Most names are plain ASCII: no Unicode normalisation needed (and it is the hot path). */
const ASCII = /^[\x20-\x7e]*$/;
const NON_ALNUM_ASCII = /[^a-z0-9]+/g;

/** Names and companies repeat across leads: normalise each distinct text once (bounded). */
const textCache = new Map<string, string>();
const TEXT_CACHE_LIMIT = 50_000;

/** Lower-case letters and digits between single spaces, accents removed. */
export function normalizeText(value: unknown): string {
    if (typeof value !== 'string') return '';
    let cached = textCache.get(value);
    if (cached === undefined) {
        cached = textOf(value);
        if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
        textCache.set(value, cached);
    }
    return cached;
}

function textOf(value: string): string {
    if (ASCII.test(value)) {
        return value.toLowerCase().replace(/&/g, ' and ').replace(NON_ALNUM_ASCII, ' ').trim();
    }
    // Lower-casing can compose new marks (İ → i̇), so decompose again after it.
    return value
        .normalize('NFKD')
        .toLowerCase()
        .normalize('NFKD')
        .replace(MARKS, '')
        .replace(/&/g, ' and ')
        .replace(NON_ALNUM, ' ')
        .trim();
}

/** Gmail ignores dots and the two domains are one mailbox. */
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * Email: trimmed, lower-case, `+tag` dropped, Gmail dots dropped (googlemail = gmail).
 * Null when it is not an address (no single `@` between two non-empty parts).
 */
export function normalizeEmail(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    let text = value.trim().toLowerCase();
    text = text.replace(/^(?:mailto:)+/, '');
    const at = text.indexOf('@');
    if (at <= 0 || at !== text.lastIndexOf('@') || at === text.length - 1) return null;
    let local = text.slice(0, at);
    let domain = text.slice(at + 1);
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
    if (DOTLESS_DOMAINS.has(domain)) {
        domain = 'gmail.com';
        local = local.replace(/\./g, '');
    }
    if (!local || /\s/.test(local) || /\s/.test(domain)) return null;
    return `${local}@${domain}`;
}

/** Local parts people type when they will not give an address: never evidence of identity. */
const PLACEHOLDER_LOCAL_PARTS = new Set([
    'test',
    'asdf',
    'qwerty',
    'abc',
    'x',
    'xx',
    'xxx',
    'na',
    'none',
    'noemail',
    'no-email',
    'nomail',
    'fake',
    'null',
    'example',
    'noreply',
    'no-reply'
]);

/** The normalised email when it can identify a person (placeholders like test@… cannot). */
export function matchableEmail(value: unknown): string | null {
    const email = normalizeEmail(value);
    if (!email) return null;
    return PLACEHOLDER_LOCAL_PARTS.has(email.slice(0, email.indexOf('@'))) ? null : email;
}

/**
 * The key two records share when they have the same email: the normalised address, or for
 * a placeholder address (test@…) the address plus the person's name, so a placeholder that
 * many people typed only matches the same person typing it twice.
 */
export function emailMatchKey(email: unknown, first: unknown, last: unknown): string | null {
    const normal = normalizeEmail(email);
    if (!normal) return null;
    if (!PLACEHOLDER_LOCAL_PARTS.has(normal.slice(0, normal.indexOf('@')))) return normal;
    const person = normalizePersonName(first, last);
    return person ? `${normal}|${person}` : null;
}

/** The domain of an email address (after normalisation), or null. */
export function emailDomain(value: unknown): string | null {
    const email = normalizeEmail(value);
    return email ? email.slice(email.indexOf('@') + 1) : null;
}

/** The host of a website (`https://www.acme.com/about` → `acme.com`), or null. */
export function websiteDomain(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const host = value
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^www\./, '')
        .split(/[/?#:]/)[0];
    return host && host.includes('.') && !/\s/.test(host) ? host : null;
}

/** Free and disposable mail: a shared domain says nothing about the company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
    'gmail.com',
    'yahoo.com',
    'hotmail.com',
    'outlook.com',
    'live.com',
    'msn.com',
    'icloud.com',
    'me.com',
    'aol.com',
    'gmx.de',
    'gmx.net',
    'web.de',
    'proton.me',
    'protonmail.com',
    'yandex.ru',
    'mail.ru',
    'qq.com',
    '163.com',
    'mailinator.com'
]);

/** Legal-form suffixes routing tools strip before matching company names. */
const COMPANY_SUFFIXES = new Set([
    'inc',
    'incorporated',
    'llc',
    'llp',
    'lp',
    'ltd',
    'limited',
    'plc',
    'corp',
    'corporation',
    'co',
    'company',
    'gmbh',
    'ag',
    'kg',
    'se',
    'sa',
    'sas',
    'sarl',
    'srl',
    'spa',
    'bv',
    'nv',
    'ab',
    'as',
    'oy',
    'pty',
    'pte',
    'kk'
]);

/**
 * Company: words as `normalizeText`, legal-form suffixes ("Inc", "Ltd", "GmbH", "Co.") and
 * a leading "the" removed. A name that is nothing but such words keeps its last word.
 */
export function normalizeCompany(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    let cached = companyCache.get(value);
    if (cached === undefined) {
        cached = companyOf(value);
        if (companyCache.size >= TEXT_CACHE_LIMIT) companyCache.clear();
        companyCache.set(value, cached);
    }
    return cached;
}

const companyCache = new Map<string, string | null>();

function companyOf(value: string): string | null {
    const words = normalizeText(value).split(' ').filter(Boolean);
    if (!words.length) return null;
    while (words.length > 1 && words[0] === 'the') words.shift();
    while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1])) words.pop();
    return words.join(' ');
}

/** A person's name for matching: `normalizeText` of first and last name. */
export function normalizePersonName(first: unknown, last: unknown): string | null {
    const lastName = normalizeText(last);
    if (!lastName) return null;
    const firstName = normalizeText(first);
    return firstName ? `${firstName} ${lastName}` : lastName;
}

/** Country calling codes for national numbers; a lead's Country picks one (default: NANP). */
const CALLING_CODES: Record<string, string> = {
    'united states': '1',
    usa: '1',
    us: '1',
    canada: '1',
    'united kingdom': '44',
    uk: '44',
    'great britain': '44',
    germany: '49',
    deutschland: '49',
    france: '33',
    netherlands: '31',
    spain: '34',
    italy: '39',
    australia: '61',
    brazil: '55',
    india: '91',
    japan: '81',
    mexico: '52',
    ireland: '353',
    switzerland: '41',
    austria: '43',
    sweden: '46'
};

/**
 * A phone number in E.164 (`+15551234567`), or null when it cannot be one. An extension
 * (`x12`, `ext. 12`) is dropped; `00` means an international prefix; a national number
 * takes the calling code of `country` (North America when unknown) without its trunk `0`.
 */
export function normalizePhone(value: unknown, country?: unknown): string | null {
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    const text = String(value)
        .trim()
        .toLowerCase()
        .replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/, '');
    const international = text.startsWith('+') || text.startsWith('00');
    let digits = text.replace(/\D+/g, '');
    if (international) {
        if (text.startsWith('00')) digits = digits.slice(2);
    } else {
        const code = CALLING_CODES[normalizeText(country)] ?? '1';
        if (code === '1') {
            if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
            if (digits.length !== 10) return null;
        } else {
            digits = digits.replace(/^0/, '');
        }
        digits = code + digits;
    }
    return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
}
