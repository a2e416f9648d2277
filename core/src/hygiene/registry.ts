/** Every hygiene check, in the order the audit page lists them. */
import type { HygieneCheck } from './check';
import {
    duplicateEmail,
    duplicateOfContact,
    duplicatePerson,
    duplicatePhone
} from './checks/duplicates';
import { dealMovedOn } from './checks/movedOn';
import {
    hotInMarketingQueue,
    nurtureDatePassed,
    ownerCannotAct,
    ownerInactive
} from './checks/ownership';
import {
    deadNoTouch,
    handedToSalesUnqualified,
    qualifiedNotWorked,
    untouchedPastSla,
    workedUnqualifiedOpen
} from './checks/work';

export const HYGIENE_CHECKS: readonly HygieneCheck[] = [
    hotInMarketingQueue,
    qualifiedNotWorked,
    untouchedPastSla,
    ownerInactive,
    ownerCannotAct,
    dealMovedOn,
    duplicateEmail,
    duplicatePerson,
    duplicatePhone,
    duplicateOfContact,
    workedUnqualifiedOpen,
    deadNoTouch,
    handedToSalesUnqualified,
    nurtureDatePassed
];

export const HYGIENE_CHECK_IDS: readonly string[] = HYGIENE_CHECKS.map((c) => c.id);

/** The checks for these ids (all when none are given); unknown ids are an error naming the known ones. */
export function selectChecks(ids?: readonly string[] | null): HygieneCheck[] {
    if (ids === undefined || ids === null) return [...HYGIENE_CHECKS];
    if (!Array.isArray(ids)) {
        throw new HygieneInputError(
            `checks must be a list of check ids; known checks: ${HYGIENE_CHECK_IDS.join(', ')}.`
        );
    }
    const unknown = ids.filter((id) => !HYGIENE_CHECK_IDS.includes(id));
    if (unknown.length) {
        throw new HygieneInputError(
            `Unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => JSON.stringify(id)).join(', ')}. Known checks: ${HYGIENE_CHECK_IDS.join(', ')}.`
        );
    }
    return HYGIENE_CHECKS.filter((c) => ids.includes(c.id));
}

/** Bad input to the audit (unknown check, settings out of range, not a snapshot). */
export class HygieneInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'HygieneInputError';
    }
}
