/**
 * The platform's error shape: every API error answers a JSON array of
 * `{ message, errorCode, fields }` with its HTTP status.
 */
import { reduceErrors } from '../../../core/src/index';
import { SourceError } from '../store/source';

/** An error a route throws to answer with a status and the platform's error code. */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fields?: string[]
    ) {
        super(message);
    }
}

export function notFound(detail?: string): ApiError {
    return new ApiError(
        404,
        'NOT_FOUND',
        detail
            ? `The requested resource does not exist: ${detail}`
            : 'The requested resource does not exist'
    );
}

export function invalidSession(): ApiError {
    return new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}

export interface PlatformError {
    message: string;
    errorCode: string;
    fields?: string[];
}

/** Whether a route may turn this error into a per-record failure (it is the caller's fault). */
export function isRecordError(e: unknown): e is ApiError | SourceError {
    return e instanceof ApiError || e instanceof SourceError;
}

/** `{ statusCode, message, fields }`, the per-record error of Collections and UI API results. */
export function recordError(e: unknown): { statusCode: string; message: string; fields: string[] } {
    if (e instanceof SourceError)
        return { statusCode: e.errorCode, message: e.message, fields: e.fields };
    if (e instanceof ApiError)
        return { statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] };
    return { statusCode: 'UNKNOWN_EXCEPTION', message: reduceErrors(e)[0] ?? 'error', fields: [] };
}

/** The status and body an error answers with; anything unexpected is a 500 without a stack. */
export function errorResponse(e: unknown): { status: number; body: PlatformError[] } {
    if (e instanceof ApiError)
        return {
            status: e.status,
            body: [
                {
                    message: e.message,
                    errorCode: e.errorCode,
                    ...(e.fields ? { fields: e.fields } : {})
                }
            ]
        };
    if (e instanceof SourceError)
        return {
            status: e.errorCode === 'ENTITY_IS_DELETED' || e.errorCode === 'NOT_FOUND' ? 404 : 400,
            body: [{ message: e.message, errorCode: e.errorCode, fields: e.fields }]
        };
    return {
        status: 500,
        body: [{ message: reduceErrors(e)[0] ?? 'Internal error', errorCode: 'UNKNOWN_EXCEPTION' }]
    };
}
