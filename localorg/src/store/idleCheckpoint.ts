/**
 * Copies the write-ahead log into the database when the org is idle, not in the middle of
 * someone's write. SQLite's automatic checkpoint runs inside the commit that fills the log, so
 * a Bulk job of 100,000 leads paid for one or two of them (about a tenth of its time). The org
 * marks what must not be interrupted (each request, each running Bulk job); once nothing has
 * been under way for `idleMs`, the log is checkpointed. SQLite's automatic checkpoint stays, at
 * a higher mark, as the ceiling on the log's size during long writes.
 */
import type { Database } from 'better-sqlite3';

/** How long the org must have been idle before the log is copied (ms). */
const IDLE_MS = 150;

export class IdleCheckpoint {
    /** Requests and jobs under way. */
    private active = 0;
    private lastActive = 0;
    private timer?: NodeJS.Timeout;

    constructor(
        private readonly db: Database,
        private readonly idleMs = IDLE_MS
    ) {}

    /** Something started that a checkpoint must not hold up. */
    begin(): void {
        this.active += 1;
    }

    /** It ended: the checkpoint comes once the org has been idle for `idleMs`. */
    end(): void {
        this.active -= 1;
        this.lastActive = performance.now();
        // One timer at a time, not one per request: it re-arms itself while work goes on.
        if (!this.timer) this.arm(this.idleMs);
    }

    stop(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
    }

    private arm(ms: number): void {
        this.timer = setTimeout(() => this.fire(), ms);
        this.timer.unref();
    }

    private fire(): void {
        this.timer = undefined;
        // Under way again: its end() arms the next one.
        if (this.active > 0 || !this.db.open) return;
        const idleFor = performance.now() - this.lastActive;
        if (idleFor < this.idleMs) {
            this.arm(this.idleMs - idleFor);
            return;
        }
        // PASSIVE: copies what no reader still needs, never waits for one.
        this.db.pragma('wal_checkpoint(PASSIVE)');
    }
}
