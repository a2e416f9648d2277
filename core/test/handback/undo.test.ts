import { describe, expect, it } from 'vitest';
import { UNDO_STAMP_TOLERANCE_MS, planHandBack, planUndo } from '../../src/index';
import { NOW, NURTURE_QUEUE, REP, SETTINGS, nurturedLead, workingLead } from './fixtures';

describe('planUndo', () => {
    it('restores owner and status while the hand-back is the last change', () => {
        const lead = nurturedLead({ handbackCount: 2 });
        const plan = planUndo(lead, null, NOW);
        expect(plan).toMatchObject({
            allowed: true,
            ok: true,
            changes: {
                id: lead.id,
                ownerId: REP,
                status: 'Working',
                handbackCount: 1,
                handbackReason: null,
                handbackNotes: null,
                nurtureUntil: null,
                handedBackAt: null,
                previousOwnerId: null,
                previousStatus: null
            },
            ifUnmodifiedSince: '2026-11-24T09:00:01.000Z',
            task: { WhoId: lead.id, Subject: 'Hand-back to marketing undone', Status: 'Completed' }
        });
    });

    it('compares exactly with the hand-back write when its LastModifiedDate is known', () => {
        const stamp = {
            handedBackAt: '2026-11-24T09:00:00.000Z',
            lastModifiedDate: '2026-11-24T09:00:01.000Z'
        };
        expect(planUndo(nurturedLead(), stamp, NOW).allowed).toBe(true);
        const edited = nurturedLead({ lastModifiedDate: '2026-11-24T09:00:05.000Z' });
        const refused = planUndo(edited, stamp, NOW);
        expect(refused.allowed).toBe(false);
        expect(!refused.allowed && refused.reason).toBe(
            'The lead was changed on 2026-11-24T09:00:05.000Z after the hand-back on 2026-11-24T09:00:00.000Z; undo is offered only while nothing else has changed it. Change the owner and status by hand if it still needs to go back.'
        );
    });

    it('without the write stamp, allows only saves within the tolerance of the hand-back', () => {
        const at = Date.parse('2026-11-24T09:00:00.000Z');
        const within = nurturedLead({
            lastModifiedDate: new Date(at + UNDO_STAMP_TOLERANCE_MS).toISOString()
        });
        const after = nurturedLead({
            lastModifiedDate: new Date(at + UNDO_STAMP_TOLERANCE_MS + 1000).toISOString()
        });
        expect(planUndo(within, null, NOW).allowed).toBe(true);
        expect(planUndo(after, null, NOW).allowed).toBe(false);
    });

    it('refuses a lead never handed back, converted since, or handed back again', () => {
        const never = planUndo(workingLead(), null, NOW);
        expect(!never.allowed && never.reason).toMatch(/no hand-back to undo/);
        const converted = planUndo(nurturedLead({ isConverted: true }), null, NOW);
        expect(!converted.allowed && converted.reason).toMatch(/converted since/);
        const again = planUndo(nurturedLead(), { handedBackAt: '2026-11-01T09:00:00.000Z' }, NOW);
        expect(!again.allowed && again.reason).toMatch(/handed back again on 2026-11-24/);
    });

    it('undoes exactly what planHandBack did', () => {
        const before = workingLead({ handbackCount: 0 });
        const handBack = planHandBack(
            before,
            { reason: 'Not_Ready', nurtureUntil: '2027-01-10' },
            SETTINGS,
            NOW,
            NURTURE_QUEUE
        );
        if (!handBack.ok) throw new Error('hand-back refused');
        const after = {
            ...before,
            ...handBack.changes,
            lastModifiedDate: '2026-11-24T10:00:00.400Z'
        };
        const undo = planUndo(
            after,
            { handedBackAt: after.handedBackAt!, lastModifiedDate: after.lastModifiedDate },
            NOW
        );
        if (!undo.allowed) throw new Error(undo.reason);
        const restored = { ...after, ...undo.changes, lastModifiedDate: before.lastModifiedDate };
        expect(restored).toEqual(before);
    });
});
