import ReviewMeetingSummary from 'c/reviewMeetingSummary';
import { mount, resetDom, textOf } from 'jest-utils/dom';

const SUMMARY = {
    leadsInScope: 4,
    leadsReviewed: 3,
    coverage: 0.75,
    overdueNextSteps: 1,
    flagsRaised: 2,
    flagsCleared: 1,
    changes: { nextSteps: 2, statusChanges: 1, handBacks: 0 },
    perRep: [{ repId: 'A', inScope: 2, reviewed: 2, coverage: 1, overdueNextSteps: 1 }],
    trend: [
        {
            meetingId: 'M1',
            meetingDate: '2026-11-13',
            coverage: 0.5,
            overdueNextSteps: 2,
            flagsRaised: 0
        },
        {
            meetingId: null,
            meetingDate: '2026-11-20',
            coverage: 0.75,
            overdueNextSteps: 1,
            flagsRaised: 2
        }
    ],
    versusLast: { coverage: 25, overdueNextSteps: -1 },
    deletedLeads: 1
};

describe('c-review-meeting-summary', () => {
    afterEach(resetDom);

    it('shows coverage, overdue, flags, changes, reps, trend and deleted leads', async () => {
        const element = mount('c-review-meeting-summary', ReviewMeetingSummary, {
            summary: SUMMARY,
            ownerNames: { A: 'Ana Ruiz' }
        });
        expect(textOf(element, 'summary-coverage')).toBe('3 of 4 leads reviewed (75%)');
        expect(textOf(element, 'summary-overdue')).toBe('1');
        expect(textOf(element, 'summary-flags')).toBe('2 raised, 1 cleared');
        expect(textOf(element, 'summary-changes')).toBe(
            '2 next steps set, 1 status changes, 0 hand-backs'
        );
        expect(textOf(element, 'summary-versus')).toBe(
            'Against the last meeting: coverage +25 points, overdue next steps -1.'
        );
        expect(textOf(element, 'summary-deleted')).toBe(
            '1 reviewed lead was deleted since; their reviews are kept.'
        );
        expect(textOf(element, 'summary-reps')).toBe(
            'Per rep Rep Reviewed Assigned Coverage Overdue next steps Ana Ruiz 2 2 100% 1'
        );
        expect(textOf(element, 'summary-trend')).toBe(
            '2026-11-13: 50% coverage, 2 overdue, 0 flags raised 2026-11-20: 75% coverage, 1 overdue, 2 flags raised (this meeting)'
        );
        await expect(element).toBeAccessible();
    });

    it('says when there is no earlier meeting', () => {
        const element = mount('c-review-meeting-summary', ReviewMeetingSummary, {
            summary: { ...SUMMARY, versusLast: null, deletedLeads: 0 }
        });
        expect(textOf(element, 'summary-versus')).toBe('First meeting of this team: no trend yet.');
        expect(textOf(element, 'summary-deleted')).toBeUndefined();
    });
});
