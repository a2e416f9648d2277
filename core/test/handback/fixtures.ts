/** Shared leads, settings and clock for the hand-back tests. */
import { DEFAULT_SETTINGS, type Lead, type LeadLoopSettings } from '../../src/index';

export const NOW = new Date('2026-11-24T10:00:00.000Z');
export const NURTURE_QUEUE = '00G000000000NURAAA';
export const REP = '005000000000REPAAA';

export const SETTINGS: LeadLoopSettings = {
    ...DEFAULT_SETTINGS,
    openStatuses: ['New'],
    workingStatuses: ['Working'],
    nurturingStatus: 'Nurturing'
};

/** A lead a rep is working, as read before a hand-back. */
export function workingLead(overrides: Partial<Lead> = {}): Lead {
    return {
        id: '00Q000000000AAAAAA',
        lastName: 'Okafor',
        company: 'Acme',
        status: 'Working',
        isConverted: false,
        convertedDate: null,
        ownerId: REP,
        createdDate: '2026-09-01T09:00:00.000Z',
        lastModifiedDate: '2026-11-20T08:00:00.000Z',
        tier: 'Warm',
        handbackReason: null,
        handbackNotes: null,
        nurtureUntil: null,
        previousOwnerId: null,
        previousStatus: null,
        handedBackAt: null,
        handbackCount: 0,
        recycledCount: 0,
        returnedAt: null,
        ...overrides
    };
}

/** A lead in nurture, handed back by `previousOwnerId`. */
export function nurturedLead(overrides: Partial<Lead> = {}): Lead {
    return workingLead({
        status: 'Nurturing',
        ownerId: NURTURE_QUEUE,
        previousOwnerId: REP,
        previousStatus: 'Working',
        handbackReason: 'No_Budget',
        handedBackAt: '2026-11-24T09:00:00.000Z',
        lastModifiedDate: '2026-11-24T09:00:01.000Z',
        nurtureUntil: '2027-05-23',
        handbackCount: 1,
        ...overrides
    });
}
