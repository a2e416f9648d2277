/**
 * Salesforce record ids: 15-character case-sensitive ids and their 18-character
 * case-insensitive form (a 3-character checksum of the capitals' positions).
 */
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

export function checksum(id15: string): string {
    let out = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) flags |= 1 << i;
        }
        out += SUFFIX[flags];
    }
    return out;
}

/**
 * The last two ids normalizeId was given and its answers: a write gives the same ids again and
 * again (a Bulk job's rows alternate between each new record's id and the acting user's).
 */
let lastId: string | undefined;
let lastNormal: string | null = null;
let otherId: string | undefined;
let otherNormal: string | null = null;

/** The 18-character id for a 15- or 18-character id; null if malformed. */
export function normalizeId(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    if (id === lastId) return lastNormal;
    if (id === otherId) return otherNormal;
    otherId = lastId;
    otherNormal = lastNormal;
    lastNormal = normalizedId(id);
    lastId = id;
    return lastNormal;
}

function normalizedId(id: string): string | null {
    if (ID_15.test(id)) return id + checksum(id);
    if (ID_18.test(id)) {
        const head = id.slice(0, 15);
        return checksum(head).toUpperCase() === id.slice(15).toUpperCase()
            ? head + checksum(head)
            : null;
    }
    return null;
}

export function isId(id: unknown): boolean {
    return normalizeId(id) !== null;
}

/** A new 18-character id: key prefix + instance '0LL' + a base62 sequence number. */
export function newId(keyPrefix: string, sequence: number): string {
    let n = sequence;
    let digits = '';
    do {
        digits = BASE62[n % 62] + digits;
        n = Math.floor(n / 62);
    } while (n > 0);
    const id15 = `${keyPrefix}0LL${digits.padStart(9, '0')}`;
    return id15 + checksum(id15);
}
