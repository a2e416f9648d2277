/**
 * A set of texts stored as positions in a list of keys: open addressing over one typed
 * array. The audit indexes a million lead ids and match keys; a JS Map of that size costs
 * more in rehashing, hashing and garbage than the audit's own work, and the time per lead
 * grows with it.
 */
export class PositionTable {
    private readonly slots: Int32Array;
    private readonly mask: number;

    /** `keys[i]` is the text at position i; room for `capacity` distinct texts. */
    constructor(
        private readonly keys: readonly (string | null | undefined)[],
        capacity: number
    ) {
        let size = 16;
        while (size < capacity * 2) size *= 2;
        this.mask = size - 1;
        this.slots = new Int32Array(size).fill(-1);
    }

    /** The position first added with this text, or -1. */
    find(text: string): number {
        const { slots, mask, keys } = this;
        let slot = hashText(text) & mask;
        let at = slots[slot];
        while (at >= 0 && keys[at] !== text) {
            slot = (slot + 1) & mask;
            at = slots[slot];
        }
        return at;
    }

    /** Adds position i (its text `keys[i]`) unless the text is there: then its first position. */
    add(i: number): number {
        const { slots, mask, keys } = this;
        const text = keys[i] as string;
        let slot = hashText(text) & mask;
        let at = slots[slot];
        while (at >= 0 && keys[at] !== text) {
            slot = (slot + 1) & mask;
            at = slots[slot];
        }
        if (at >= 0) return at;
        slots[slot] = i;
        return -1;
    }
}

/** FNV-1a over the UTF-16 code units of a text. */
function hashText(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
