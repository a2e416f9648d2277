/** The CLI's error kinds and how an API error is classified (stop, user error, transient). */
import { reduceErrors } from '../../../core/src/index';

/** A failure of one record, as written to the report file. */
export interface RecordFailure {
    object: string;
    /** The record's key in the data set / LL_Source_Id__c, if any. */
    sourceId: string | null;
    id: string | null;
    errorCode: string;
    message: string;
}

/** Thrown to stop a run cleanly (the caller writes a checkpoint and exits non-zero). */
export class StopError extends Error {
    constructor(
        readonly reason: 'REQUEST_LIMIT_EXCEEDED' | 'MAX_API_CALLS' | 'INTERRUPTED',
        message: string
    ) {
        super(message);
        this.name = 'StopError';
    }
}

/**
 * A failure the user must fix (bad session, flag, missing metadata): shown without a stack.
 * `usage`: a bad flag, value or combination of flags (exit 2 rather than 1).
 */
export class UserError extends Error {
    constructor(
        message: string,
        readonly code = 'ERROR',
        readonly usage = false
    ) {
        super(message);
        this.name = 'UserError';
    }
}

interface HttpError {
    errorCode?: string;
    statusCode?: number;
    name?: string;
    code?: string;
    message?: string;
}

export const LOCK = 'UNABLE_TO_LOCK_ROW';
const TRANSIENT_NET = new Set([
    'ETIMEDOUT',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'UND_ERR_SOCKET'
]);

export function errorCodeOf(e: unknown): string {
    const err = e as HttpError;
    if (typeof err?.errorCode === 'string') return err.errorCode;
    if (typeof err?.name === 'string' && /^[A-Z_]+$/.test(err.name)) return err.name;
    if (typeof err?.code === 'string') return err.code;
    return 'ERROR';
}

export function isTransient(e: unknown): boolean {
    const err = e as HttpError;
    const code = errorCodeOf(e);
    if (code === LOCK || code === 'SERVER_UNAVAILABLE') return true;
    if (typeof err?.statusCode === 'number' && err.statusCode >= 500) return true;
    if (TRANSIENT_NET.has(code)) return true;
    if (/^ERROR_HTTP_5\d\d$/.test(code)) return true;
    return /timed? ?out|socket hang up|ECONNRESET/i.test(err?.message ?? '');
}

/** An expired session that jsforce's refresh could not renew. */
export function isExpiredSession(e: unknown): boolean {
    const code = errorCodeOf(e);
    return (
        code === 'INVALID_SESSION_ID' ||
        code === 'invalid_grant' ||
        /expired access\/refresh token/i.test(String((e as HttpError)?.message))
    );
}

export function messageOf(e: unknown): string {
    return reduceErrors(e).join('; ') || 'Unknown error';
}
