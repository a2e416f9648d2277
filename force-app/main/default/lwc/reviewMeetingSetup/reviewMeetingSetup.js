import { LightningElement, api } from 'lwc';
import { addDays, isoDate } from 'c/leadLoopCore';

/**
 * Meeting mode's first screen: choose a team and a period and start, resume a meeting in
 * progress, or open a past meeting's summary. Shows what it is given; the choices go up
 * as `start` { teamId, periodStart, periodEnd }, `resume` { meetingId } and
 * `viewsummary` { meetingId }; the parent writes.
 */
export default class ReviewMeetingSetup extends LightningElement {
    @api teams = [];
    @api meetings = [];
    /** A start is being saved: the button waits. */
    @api saving = false;

    teamId = '';
    periodStart = addDays(new Date(), -7);
    periodEnd = isoDate(new Date());

    get teamOptions() {
        return this.teams.map((t) => ({ label: t.name, value: t.id }));
    }

    get startDisabled() {
        return !this.teams.some((t) => t.id === this.teamId) || this.saving;
    }

    get inProgress() {
        return this.labelled('In_Progress');
    }

    get completed() {
        return this.labelled('Completed');
    }

    labelled(status) {
        return this.meetings
            .filter((m) => m.status === status)
            .map((m) => {
                const team = this.teams.find((t) => t.id === m.teamManagerId)?.name ?? 'Team';
                const period = `${m.periodStart ?? '?'} to ${m.periodEnd ?? '?'}`;
                return { ...m, label: `${team}, ${m.meetingDate ?? ''} (${period})` };
            });
    }

    handleChange(event) {
        this[event.target.dataset.field] = event.detail.value;
    }

    handleStart() {
        const { teamId, periodStart, periodEnd } = this;
        this.dispatchEvent(
            new CustomEvent('start', { detail: { teamId, periodStart, periodEnd } })
        );
    }

    handleResume(event) {
        this.send('resume', event);
    }

    handleViewSummary(event) {
        this.send('viewsummary', event);
    }

    send(name, event) {
        const meetingId = event.target.dataset.meeting;
        this.dispatchEvent(new CustomEvent(name, { detail: { meetingId } }));
    }
}
