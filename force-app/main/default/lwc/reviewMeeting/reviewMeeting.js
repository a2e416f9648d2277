import { LightningElement, api, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import USER_ID from '@salesforce/user/Id';
import {
    REVIEW_MEETING,
    meetingFromRecord,
    meetingOrder,
    meetingToFields,
    resumeIndex,
    statusOrder,
    validateNextStep
} from 'c/leadLoopCore';
import { edgesOf } from 'c/graphqlPages';
import { MEETING_QUERY } from './meetingQuery';
import { completedFields, summaryOf } from './meetingSummary';
import { noticeFor, positionText, repStart, teamBoard, teamCards } from './meetingWalk';
import {
    draftFor,
    entryFields,
    newMeeting,
    savedEntry,
    writeEntry,
    writeLead
} from './meetingWrites';
import { SHORTCUTS, shortcutFor } from './shortcuts';

/** What each keyboard shortcut (and button) does in the walk (the form's fields take the rest). */
const KEY_ACTIONS = {
    next: (m) => m.goTo(m.index + 1),
    previous: (m) => m.goTo(m.index - 1),
    nextRep: (m) => m.nextRep(1),
    previousRep: (m) => m.nextRep(-1),
    review: (m) => m.markReviewed(null),
    handBack: (m) => m.openHandBack(),
    end: (m) => m.endMeeting(),
    leave: (m) => m.template.querySelector('[data-id="walk"]')?.focus()
};

/**
 * Meeting mode: choose a team and period (c-review-meeting-setup), walk rep by rep and
 * lead by lead with the keyboard (c-review-meeting-lead shows the lead and its form),
 * record progress, next step and date, a status change, and mark each lead reviewed; the
 * summary at the end (c-review-meeting-summary). Every lead is saved as it goes (an
 * LL_Review_Entry__c per lead, the meeting's current lead on LL_Review_Meeting__c), so a
 * reload or a second device resumes there. Writes (./meetingWrites) are conditional on the
 * record not having changed since it was read.
 */
export default class ReviewMeeting extends LightningElement {
    @api leads = [];
    @api entries = [];
    @api findings = [];
    @api teams = [];
    @api ownerNames = {};
    @api settings;

    meetingQuery = MEETING_QUERY;
    meetingsResult;
    meetings = [];
    errors;
    meeting;
    teamId = '';
    stops = [];
    index = 0;
    saved = new Map();
    draft = draftFor(null, null);
    problems = [];
    message = '';
    saving = false;
    summary;
    shortcuts = SHORTCUTS;
    /** The hand-back action is open for the current lead. */
    handingBack = false;
    /** What the last action did, for screen readers ("… handed back to marketing."). */
    done = '';

    @wire(graphql, { query: '$meetingQuery' })
    wiredMeetings(result) {
        this.meetingsResult = result;
        if (result.errors) this.errors = result.errors;
        else if (result.data)
            this.meetings = edgesOf(result.data.uiapi?.query?.LL_Review_Meeting__c).map(
                meetingFromRecord
            );
    }

    connectedCallback() {
        this.template.addEventListener('keydown', (event) => this.handleKey(event));
    }

    get stage() {
        if (this.summary) return 'summary';
        return this.meeting ? 'walk' : 'setup';
    }
    get isSetup() {
        return this.stage === 'setup';
    }
    get isWalk() {
        return this.stage === 'walk';
    }
    get isSummary() {
        return this.stage === 'summary';
    }
    get team() {
        return this.teams.find((t) => t.id === this.teamId);
    }

    // ---- setup -------------------------------------------------------------

    async handleStart(event) {
        const { teamId, periodStart, periodEnd } = event.detail;
        this.saving = true;
        this.errors = undefined;
        try {
            const values = newMeeting(teamId, periodStart, periodEnd, USER_ID, new Date());
            const created = await createRecord({
                apiName: REVIEW_MEETING.objectApiName,
                fields: meetingToFields(values)
            });
            this.open({ ...meetingFromRecord({}), ...values, id: created.id });
            refreshGraphQL(this.meetingsResult);
        } catch (error) {
            this.errors = error;
        } finally {
            this.saving = false;
        }
    }

    handleResume(event) {
        this.open(this.meetings.find((m) => m.id === event.detail.meetingId));
    }

    handleViewSummary(event) {
        const meeting = this.meetings.find((m) => m.id === event.detail.meetingId);
        this.teamId = meeting.teamManagerId;
        this.summary = this.summarize(meeting, new Date(`${meeting.meetingDate}T23:59:59Z`));
    }

    open(meeting) {
        this.meeting = meeting;
        this.teamId = meeting.teamManagerId;
        const mine = this.entries.filter((e) => e.meetingId === meeting.id && e.leadId);
        this.saved = new Map(mine.map((e) => [e.leadId, e]));
        this.stops = meetingOrder(teamBoard(this, meeting.id, this.team));
        const reviewed = new Set(mine.filter((e) => e.reviewedAt).map((e) => e.leadId));
        this.goTo(resumeIndex(this.stops, meeting.currentLeadId, reviewed), false);
    }

    // ---- the walk ------------------------------------------------------------

    get stop() {
        return this.stops[this.index];
    }
    get lead() {
        return this.leads.find((l) => l.id === this.stop?.leadId);
    }
    get card() {
        return this.stop
            ? teamCards(this, this.meeting?.id, this.team).get(this.stop.leadId)
            : undefined;
    }
    get hasStops() {
        return this.stops.length > 0;
    }
    get position() {
        return positionText(this.stops, this.index, this.saved);
    }
    get isReviewed() {
        return Boolean(this.saved.get(this.stop?.leadId)?.reviewedAt);
    }
    get leadNotice() {
        return noticeFor(this.stop, this.card);
    }
    get statuses() {
        return this.settings ? statusOrder(this.settings) : [];
    }

    goTo(index, savePosition = true) {
        if (!this.stops.length) return;
        this.index = Math.max(0, Math.min(this.stops.length - 1, index));
        this.draft = draftFor(this.lead, this.saved.get(this.stop.leadId));
        this.problems = [];
        this.message = '';
        this.done = '';
        if (savePosition) {
            const fields = {
                Id: this.meeting.id,
                ...meetingToFields({ currentLeadId: this.stop.leadId })
            };
            updateRecord({ fields }).catch((error) => {
                this.errors = error;
            });
        }
    }

    nextRep(step) {
        const found = repStart(this.stops, this.index, step);
        if (found >= 0) this.goTo(found);
    }

    handleDraftChange(event) {
        const { field, value } = event.detail;
        this.draft = { ...this.draft, [field]: value };
        this.problems = this.checkDraft(new Date());
    }

    /** A date the meeting sets must not be past; the lead's own (already overdue) date may stay. */
    checkDraft(now) {
        const { nextStep, nextStepDate } = this.draft;
        const changed = (nextStepDate || '') !== (this.lead?.nextStepDate ?? '');
        return validateNextStep(nextStep, changed ? nextStepDate : null, now);
    }

    handleKey(event) {
        // The hand-back dialog's keys are its own.
        if (this.handingBack) return;
        const action = shortcutFor(event);
        if (!action || !this.isWalk) return;
        event.preventDefault();
        if (KEY_ACTIONS[action]) KEY_ACTIONS[action](this);
        else this.template.querySelector('c-review-meeting-lead')?.focusField(action);
    }

    /** The walk's buttons do what their shortcut does. */
    handleButton(event) {
        return KEY_ACTIONS[event.target.dataset.action](this);
    }

    // ---- hand-back (the lead's own quick action, reused) ----------------------

    get handBackDisabled() {
        return this.saving || !this.lead;
    }

    openHandBack() {
        if (!this.handBackDisabled) this.handingBack = true;
    }

    handleHandBackClose() {
        this.handingBack = false;
        // The dialog gives the focus back to where it was; if that is gone, the walk takes it.
        Promise.resolve().then(() => {
            if (!this.template.activeElement)
                this.template.querySelector('[data-id="walk"]')?.focus();
        });
    }

    /** The lead was handed back: its outcome, recorded like a review, then the next lead. */
    handleHandedBack(event) {
        const { changes } = event.detail;
        if (changes.id === this.lead?.id) this.markReviewed(changes);
    }

    /**
     * Saves the lead's entry, then the lead (a hand-back, `handedBack` its changes, has
     * written the lead already), then moves on unless there is a message.
     */
    async markReviewed(handedBack = null) {
        const stop = this.stop;
        if (!stop || this.saving) return;
        const now = new Date();
        this.problems = handedBack ? [] : this.checkDraft(now);
        if (this.problems.length) return;
        this.saving = true;
        this.errors = undefined;
        const lead = this.lead;
        const name = this.card?.name ?? stop.leadId;
        if (handedBack) this.draft = { ...this.draft, status: handedBack.status ?? '' };
        try {
            const entry = await this.saveEntry(stop, lead, name, now, Boolean(handedBack));
            if (!entry) return;
            // An unexpected failure of the lead write still leaves the entry saved: show it.
            const result = handedBack
                ? { lead: { ...lead, ...handedBack } }
                : lead && (await writeLead(lead, this.draft, now, name));
            if (result?.message) this.message = result.message;
            if (result?.error) this.errors = result.error;
            const leadOut = result?.lead ?? { id: stop.leadId };
            this.dispatchEvent(new CustomEvent('leadsaved', { detail: { lead: leadOut, entry } }));
            if (this.message) return;
            this.goTo(this.index + 1);
            if (handedBack)
                this.done = `${name} handed back to marketing; the meeting recorded it.`;
        } catch (error) {
            this.errors = error;
        } finally {
            this.saving = false;
        }
    }

    async saveEntry(stop, lead, name, now, handedBack = false) {
        const existing = this.saved.get(stop.leadId);
        const { card, draft } = this;
        const meetingId = this.meeting.id;
        const fields = entryFields({ meetingId, stop, lead, card, draft, now, handedBack });
        const { record, linked, message } = await writeEntry(existing, fields, name);
        if (message) this.message = message;
        if (!record) return null;
        const entry = savedEntry({ existing, meetingId, stop, draft, fields, record, linked });
        this.saved = new Map(this.saved).set(stop.leadId, entry);
        return entry;
    }

    // ---- the end -------------------------------------------------------------

    summarize(meeting, now) {
        const { leads, entries, meetings, teams, saved } = this;
        return summaryOf(
            meeting,
            { leads, entries, meetings, teams, saved, openId: this.meeting?.id },
            now
        );
    }

    async endMeeting() {
        if (!this.meeting || this.saving) return;
        const summary = this.summarize(this.meeting, new Date());
        this.saving = true;
        try {
            await updateRecord({ fields: completedFields(this.meeting.id, summary) });
            this.summary = summary;
            refreshGraphQL(this.meetingsResult);
        } catch (error) {
            this.errors = error;
        } finally {
            this.saving = false;
        }
    }

    handleClose() {
        this.summary = undefined;
        this.meeting = undefined;
        this.stops = [];
    }
}
