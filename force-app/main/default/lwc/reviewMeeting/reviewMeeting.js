import { LightningElement, api, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import USER_ID from '@salesforce/user/Id';
import {
    REVIEW_ENTRY,
    REVIEW_MEETING,
    addDays,
    buildBoard,
    isoDate,
    lastReviewOf,
    meetingFromRecord,
    meetingOrder,
    meetingToFields,
    resumeIndex,
    statusOrder,
    summarizeMeeting,
    summaryText,
    validateNextStep,
    writeProblem
} from 'c/leadLoopCore';
import { edgesOf } from 'c/graphqlPages';
import { MEETING_QUERY } from './meetingQuery';
import {
    ENTRY_OBJECT,
    MESSAGES,
    draftFor,
    entryFields,
    leadFields,
    savedLead
} from './meetingWrites';
import { SHORTCUTS, shortcutFor } from './shortcuts';

/** Cards per component, outside the reactive fields so reading them never re-renders. */
const CARDS = new WeakMap();

/**
 * Meeting mode: choose a team and period, walk rep by rep and lead by lead with the
 * keyboard, record progress, next step and date, a status change, and mark each lead
 * reviewed. Every lead is saved as it goes (an LL_Review_Entry__c per lead, the meeting's
 * current lead on LL_Review_Meeting__c), so a reload or a second device resumes there.
 * Writes are conditional on the record not having changed since it was read.
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
    periodStart = addDays(new Date(), -7);
    periodEnd = isoDate(new Date());
    stops = [];
    index = 0;
    saved = new Map();
    draft = draftFor(null, null);
    problems = [];
    message = '';
    saving = false;
    summary;
    shortcuts = SHORTCUTS;

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

    // ---- setup -------------------------------------------------------------

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

    get teamOptions() {
        return this.teams.map((t) => ({ label: t.name, value: t.id }));
    }
    get team() {
        return this.teams.find((t) => t.id === this.teamId);
    }
    get startDisabled() {
        return !this.team || this.saving;
    }
    get inProgress() {
        return this.meetings
            .filter((m) => m.status === 'In_Progress')
            .map((m) => ({ ...m, label: this.meetingLabel(m) }));
    }
    get completed() {
        return this.meetings
            .filter((m) => m.status === 'Completed')
            .map((m) => ({ ...m, label: this.meetingLabel(m) }));
    }
    meetingLabel(m) {
        const team = this.teams.find((t) => t.id === m.teamManagerId)?.name ?? 'Team';
        return `${team}, ${m.meetingDate ?? ''} (${m.periodStart ?? '?'} to ${m.periodEnd ?? '?'})`;
    }

    handleSetupChange(event) {
        this[event.target.dataset.field] = event.detail.value;
    }

    async handleStart() {
        this.saving = true;
        this.errors = undefined;
        try {
            const values = {
                meetingDate: isoDate(new Date()),
                facilitatorId: USER_ID,
                teamManagerId: this.teamId,
                periodStart: this.periodStart || null,
                periodEnd: this.periodEnd || null,
                status: 'In_Progress'
            };
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
        this.open(this.meetings.find((m) => m.id === event.target.dataset.meeting));
    }

    handleViewSummary(event) {
        const meeting = this.meetings.find((m) => m.id === event.target.dataset.meeting);
        this.teamId = meeting.teamManagerId;
        this.summary = this.summarize(meeting, new Date(`${meeting.meetingDate}T23:59:59Z`));
    }

    open(meeting) {
        this.meeting = meeting;
        this.teamId = meeting.teamManagerId;
        this.saved = new Map(this.entriesOf(meeting.id).map((e) => [e.leadId, e]));
        this.stops = meetingOrder(this.buildTeamBoard(meeting.id));
        const reviewed = new Set(
            [...this.saved.values()].filter((e) => e.reviewedAt).map((e) => e.leadId)
        );
        this.goTo(resumeIndex(this.stops, meeting.currentLeadId, reviewed), false);
    }

    entriesOf(meetingId) {
        return this.entries.filter((e) => e.meetingId === meetingId && e.leadId);
    }

    buildTeamBoard(meetingId) {
        return buildBoard(
            this.leads,
            this.findings,
            this.entries
                .filter((e) => e.meetingId !== meetingId)
                .map(lastReviewOf)
                .filter(Boolean),
            this.settings,
            new Date(),
            {
                laneBy: 'rep',
                ownerNames: this.ownerNames,
                filters: { ownerIds: this.team?.repIds ?? [] }
            }
        );
    }

    // ---- the walk ------------------------------------------------------------

    get stop() {
        return this.stops[this.index];
    }
    get lead() {
        return this.leads.find((l) => l.id === this.stop?.leadId);
    }
    /** The team's cards by lead id, built once per version of the leads (not per render). */
    get cardsById() {
        const cached = CARDS.get(this);
        if (cached?.leads === this.leads && cached.meetingId === this.meeting?.id)
            return cached.cards;
        const board = this.buildTeamBoard(this.meeting?.id);
        const cards = new Map(board.lanes.flatMap((l) => l.cards).map((c) => [c.id, c]));
        CARDS.set(this, { leads: this.leads, meetingId: this.meeting?.id, cards });
        return cards;
    }
    get card() {
        return this.stop ? this.cardsById.get(this.stop.leadId) : undefined;
    }
    get hasStops() {
        return this.stops.length > 0;
    }
    get position() {
        const s = this.stop;
        if (!s) return 'No open leads for this team.';
        const reps = new Set(this.stops.map((x) => x.repId)).size;
        const ofRep = this.stops.filter((x) => x.repId === s.repId).length;
        return `Rep ${s.repIndex + 1} of ${reps}: ${s.repName} · lead ${s.leadIndex + 1} of ${ofRep} · ${this.reviewedCount} of ${this.stops.length} reviewed`;
    }
    get reviewedCount() {
        return this.stops.filter((s) => this.saved.get(s.leadId)?.reviewedAt).length;
    }
    get isReviewed() {
        return Boolean(this.saved.get(this.stop?.leadId)?.reviewedAt);
    }
    get leadNotice() {
        if (!this.stop) return '';
        const card = this.card;
        if (!card) return MESSAGES.missing;
        return card.ownerId !== this.stop.repId ? MESSAGES.reassigned(card.ownerName) : '';
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
        const rep = this.stop.repIndex + step;
        const found = this.stops.findIndex((s) => s.repIndex === rep);
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
        const action = shortcutFor(event);
        if (!action || !this.isWalk) return;
        event.preventDefault();
        const form = this.template.querySelector('c-review-meeting-lead');
        if (action === 'next') this.goTo(this.index + 1);
        else if (action === 'previous') this.goTo(this.index - 1);
        else if (action === 'nextRep') this.nextRep(1);
        else if (action === 'previousRep') this.nextRep(-1);
        else if (action === 'review') this.markReviewed();
        else if (action === 'end') this.endMeeting();
        else if (action === 'leave') this.template.querySelector('[data-id="walk"]')?.focus();
        else form?.focusField(action);
    }

    handleNext() {
        this.goTo(this.index + 1);
    }
    handlePrevious() {
        this.goTo(this.index - 1);
    }
    handleReview() {
        return this.markReviewed();
    }
    handleEnd() {
        return this.endMeeting();
    }

    async markReviewed() {
        const stop = this.stop;
        if (!stop || this.saving) return;
        const now = new Date();
        this.problems = this.checkDraft(now);
        if (this.problems.length) return;
        this.saving = true;
        this.errors = undefined;
        const lead = this.lead;
        const name = this.card?.name ?? stop.leadId;
        try {
            const entry = await this.saveEntry(stop, lead, now);
            if (!entry) return;
            let leadOut;
            if (lead) leadOut = await this.saveLead(lead, name, now);
            this.dispatchEvent(
                new CustomEvent('leadsaved', {
                    detail: { lead: leadOut ?? { id: stop.leadId }, entry }
                })
            );
            if (!this.message) this.goTo(this.index + 1);
        } finally {
            this.saving = false;
        }
    }

    async saveEntry(stop, lead, now) {
        const existing = this.saved.get(stop.leadId);
        const fields = entryFields({
            meetingId: this.meeting.id,
            stop,
            lead,
            card: this.card,
            draft: this.draft,
            now
        });
        try {
            const record = existing?.id
                ? await updateRecord(
                      { fields: { Id: existing.id, ...fields } },
                      existing.lastModifiedDate
                          ? { ifUnmodifiedSince: existing.lastModifiedDate }
                          : undefined
                  )
                : await createRecord({ apiName: ENTRY_OBJECT, fields });
            return this.remember(stop, existing, fields, record, lead);
        } catch (error) {
            const problem = writeProblem(error);
            if (problem === 'conflict') {
                this.message = MESSAGES.entryConflict;
                return null;
            }
            if (problem === 'deleted' && lead && !existing?.id) {
                // The lead went while we were on it: keep the review without the link.
                const record = await createRecord({
                    apiName: ENTRY_OBJECT,
                    fields: { ...fields, [REVIEW_ENTRY.fields.leadId]: null }
                });
                this.message = MESSAGES.leadDeleted(this.card?.name ?? stop.leadId);
                return this.remember(stop, existing, fields, record, null);
            }
            this.errors = error;
            return null;
        }
    }

    remember(stop, existing, fields, record, lead) {
        const entry = {
            ...(existing ?? {}),
            id: record?.id ?? existing?.id,
            meetingId: this.meeting.id,
            leadId: lead ? stop.leadId : null,
            repId: stop.repId,
            progress: this.draft.progress || null,
            nextStep: this.draft.nextStep || null,
            nextStepDate: this.draft.nextStepDate || null,
            statusAtReview: fields.LL_Status_At_Review__c,
            statusAfter: fields.LL_Status_After__c,
            tierAtReview: fields.LL_Tier_At_Review__c,
            flags: (fields.LL_Flags__c || '').split(';').filter(Boolean),
            outcome: fields.LL_Outcome__c,
            reviewedAt: fields.LL_Reviewed_At__c,
            lastModifiedDate: record?.lastModifiedDate ?? null
        };
        this.saved = new Map(this.saved).set(stop.leadId, entry);
        return entry;
    }

    async saveLead(lead, name, now) {
        try {
            const record = await updateRecord(
                { fields: leadFields(lead, this.draft, now) },
                lead.lastModifiedDate ? { ifUnmodifiedSince: lead.lastModifiedDate } : undefined
            );
            return savedLead(lead, this.draft, now, record?.lastModifiedDate);
        } catch (error) {
            const problem = writeProblem(error);
            if (problem === 'conflict') this.message = MESSAGES.leadConflict(name);
            else if (problem === 'deleted') this.message = MESSAGES.leadDeleted(name);
            else this.errors = error;
            return undefined;
        }
    }

    // ---- the end -------------------------------------------------------------

    summarize(meeting, now) {
        const team = this.teams.find((t) => t.id === meeting.teamManagerId);
        const scope = this.leads.filter((l) => !l.isConverted && team?.repIds.includes(l.ownerId));
        const entries = this.entries.filter((e) => e.meetingId === meeting.id);
        // The open meeting: what was saved here (leads that went are kept without a link).
        const mine =
            meeting.id === this.meeting?.id
                ? [...this.saved.values(), ...entries.filter((e) => !e.leadId)]
                : entries;
        const earlier = this.meetings
            .filter(
                (m) =>
                    m.id !== meeting.id &&
                    m.status === 'Completed' &&
                    m.teamManagerId === meeting.teamManagerId &&
                    (m.meetingDate ?? '') <= (meeting.meetingDate ?? '')
            )
            .map((m) => ({
                meeting: m,
                entries: this.entries.filter((e) => e.meetingId === m.id)
            }));
        return summarizeMeeting(mine, scope, now, earlier);
    }

    async endMeeting() {
        if (!this.meeting || this.saving) return;
        const summary = this.summarize(this.meeting, new Date());
        this.saving = true;
        try {
            await updateRecord({
                fields: {
                    Id: this.meeting.id,
                    ...meetingToFields({
                        status: 'Completed',
                        currentLeadId: null,
                        leadsInScope: summary.leadsInScope,
                        leadsReviewed: summary.leadsReviewed,
                        overdueNextSteps: summary.overdueNextSteps,
                        flagsRaised: summary.flagsRaised,
                        summary: summaryText(summary)
                    })
                }
            });
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
