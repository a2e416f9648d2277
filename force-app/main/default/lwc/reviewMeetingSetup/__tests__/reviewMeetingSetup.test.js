import ReviewMeetingSetup from 'c/reviewMeetingSetup';
import { atFixedTime, flushPromises, mount, queryDeep, textOf } from 'jest-utils/dom';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const MGR = '005000000000000MGR';
const TEAMS = [{ id: MGR, name: "Marcus Reyes's team", repIds: [] }];
const MEETINGS = [
    { id: 'a001', status: 'In_Progress', teamManagerId: MGR, meetingDate: '2026-11-20' },
    {
        id: 'a002',
        status: 'Completed',
        teamManagerId: MGR,
        meetingDate: '2026-11-13',
        periodStart: '2026-11-06',
        periodEnd: '2026-11-13'
    }
];

describe('c-review-meeting-setup', () => {
    atFixedTime(NOW);

    it('starts only once a team is chosen, with the last week as the default period', async () => {
        const element = mount('c-review-meeting-setup', ReviewMeetingSetup, {
            teams: TEAMS,
            meetings: MEETINGS
        });
        const start = jest.fn();
        element.addEventListener('start', start);
        const button = queryDeep(element, '[data-id="meeting-start"]');
        expect(button.disabled).toBe(true);
        queryDeep(element, '[data-id="meeting-team"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: MGR } })
        );
        await flushPromises();
        expect(button.disabled).toBe(false);
        button.click();
        expect(start.mock.calls[0][0].detail).toEqual({
            teamId: MGR,
            periodStart: '2026-11-13',
            periodEnd: '2026-11-20'
        });
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('lists meetings to resume and past ones, and says which was picked', async () => {
        const element = mount('c-review-meeting-setup', ReviewMeetingSetup, {
            teams: TEAMS,
            meetings: MEETINGS
        });
        await flushPromises();
        expect(textOf(element, 'meetings-in-progress')).toBe(
            "Marcus Reyes's team, 2026-11-20 (? to ?)"
        );
        expect(textOf(element, 'meetings-completed')).toBe(
            "Marcus Reyes's team, 2026-11-13 (2026-11-06 to 2026-11-13)"
        );
        const resume = jest.fn();
        const summary = jest.fn();
        element.addEventListener('resume', resume);
        element.addEventListener('viewsummary', summary);
        queryDeep(element, '[data-meeting="a001"]').click();
        queryDeep(element, '[data-meeting="a002"]').click();
        expect(resume.mock.calls[0][0].detail).toEqual({ meetingId: 'a001' });
        expect(summary.mock.calls[0][0].detail).toEqual({ meetingId: 'a002' });
    });
});
