/**
 * Test faults (all off by default) and the per-call metering they hook into:
 * latency, 503s, UNABLE_TO_LOCK_ROW on a share of records, the daily limit,
 * and an access token that expires after N calls.
 */
import { ApiError } from './http/errors';
import type { Request } from './http/request';
import type { ApiUsage } from './store/apiUsage';
import { SourceError, type RecordValues } from './store/source';
import { seededRandom } from './seededRandom';

/** Faults for tests, all off by default. */
export interface FaultConfig {
    /** Delay every API response by this many milliseconds. */
    latencyMs?: number;
    /** Share (0–1) of API calls answered 503 SERVER_UNAVAILABLE. */
    serverErrorShare?: number;
    /** Share (0–1) of record writes failing with UNABLE_TO_LOCK_ROW (first attempt of each record only). */
    lockRowShare?: number;
    /** Answer REQUEST_LIMIT_EXCEEDED once this many more API calls have been made. */
    failAfterCalls?: number;
    /** The access token expires after this many more API calls (refresh to get a new one). */
    expireTokenAfterCalls?: number;
    /** Seed for the fault dice, so a run is repeatable. */
    seed?: number;
}

const FAULT_RANGES: Record<keyof FaultConfig, [min: number, max: number]> = {
    latencyMs: [0, 60_000],
    serverErrorShare: [0, 1],
    lockRowShare: [0, 1],
    failAfterCalls: [0, Number.MAX_SAFE_INTEGER],
    expireTokenAfterCalls: [0, Number.MAX_SAFE_INTEGER],
    seed: [0, 2 ** 32 - 1]
};

/** A FaultConfig from a request body: known keys only, each a number in its range. */
export function parseFaultConfig(body: unknown): FaultConfig {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ApiError(400, 'JSON_PARSER_ERROR', 'Faults must be a JSON object.');
    const out: FaultConfig = {};
    for (const [key, value] of Object.entries(body)) {
        const range = FAULT_RANGES[key as keyof FaultConfig];
        if (!range)
            throw new ApiError(400, 'INVALID_FIELD', `Unknown fault: ${key.slice(0, 80)}`, [
                key.slice(0, 80)
            ]);
        if (value === null) continue;
        if (typeof value !== 'number' || !(value >= range[0] && value <= range[1]))
            throw new ApiError(
                400,
                'INVALID_FIELD',
                `Fault ${key} must be a number from ${range[0]} to ${range[1]}.`,
                [key]
            );
        out[key as keyof FaultConfig] = value;
    }
    return out;
}

export class Faults {
    private config: FaultConfig = {};
    private dice: () => number = Math.random;
    private callsSinceSet = 0;
    private readonly lockedOnce = new Set<string>();

    constructor(config: FaultConfig = {}) {
        this.set(config);
    }

    get current(): FaultConfig {
        return this.config;
    }

    set(config: FaultConfig): void {
        this.config = { ...config };
        this.callsSinceSet = 0;
        this.lockedOnce.clear();
        this.dice = config.seed === undefined ? Math.random : seededRandom(config.seed);
    }

    /** A token refresh ends the expired-token fault. */
    tokenRefreshed(): void {
        this.config.expireTokenAfterCalls = undefined;
    }

    /** Injected UNABLE_TO_LOCK_ROW: each record fails at most once, so a retry succeeds. */
    maybeLock(object: string, values: RecordValues): void {
        const share = this.config.lockRowShare;
        if (!share) return;
        const key = `${object}:${values.Id ?? values.LL_Source_Id__c ?? JSON.stringify(values)}`;
        if (this.lockedOnce.has(key)) return;
        if (this.dice() < share) {
            this.lockedOnce.add(key);
            throw new SourceError(
                'UNABLE_TO_LOCK_ROW',
                'unable to obtain exclusive access to this record or 1 records'
            );
        }
    }

    /**
     * Counts an API call as the platform does and applies the faults and the daily limit;
     * throws the platform's error when the call must stop here.
     */
    async meter(r: Request, usage: ApiUsage): Promise<void> {
        const f = this.config;
        this.callsSinceSet += 1;
        if (f.latencyMs) await new Promise((resolve) => setTimeout(resolve, f.latencyMs));
        if (f.expireTokenAfterCalls !== undefined && this.callsSinceSet > f.expireTokenAfterCalls)
            throw new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        const used = usage.count();
        if (
            used > usage.dailyLimit ||
            (f.failAfterCalls !== undefined && this.callsSinceSet > f.failAfterCalls)
        )
            throw new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        if (f.serverErrorShare && this.dice() < f.serverErrorShare)
            throw new ApiError(503, 'SERVER_UNAVAILABLE', 'Server unavailable (injected fault).');
        r.res.setHeader('Sforce-Limit-Info', `api-usage=${used}/${usage.dailyLimit}`);
    }
}
