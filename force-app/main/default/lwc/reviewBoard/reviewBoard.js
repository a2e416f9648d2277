import { LightningElement, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import {
    BOARD_CHECKS,
    LEAD_FIELDS,
    TIERS,
    boardFindings,
    buildBoard,
    checkStatusMove,
    lastReviewOf,
    statusOrder,
    writeProblem
} from 'c/leadLoopCore';
import { PageCollector } from 'c/graphqlPages';
import { BOARD_CURSORS, BOARD_LIMIT, BOARD_PAGE_SIZE, BOARD_QUERY } from './boardQuery';
import { boardData } from './boardData';

const TEAM_OPTIONS_NONE = [{ label: 'All reps', value: '' }];
const TIER_OPTIONS = [
    { label: 'Any tier', value: '' },
    ...TIERS.map((t) => ({ label: t, value: t }))
];
const FLAG_OPTIONS = [
    { label: 'Any or no flag', value: '' },
    ...BOARD_CHECKS.map((id) => ({ label: id.replace(/-/g, ' '), value: id }))
];

/**
 * The review board app page: reads open leads, users, queues, review entries and settings
 * page by page (2,000 leads a round trip), builds the board in the core and shows it in
 * lanes (c-review-board-lane, c-review-board-card) under filters
 * (c-review-board-filters). Children only show; moves come up as `movecard` events and
 * are written here, conditionally on the lead not having changed since it was read.
 * Meeting mode (c-review-meeting) works on the same data.
 */
export default class ReviewBoard extends LightningElement {
    boardQuery = BOARD_QUERY;
    variables;
    pages;
    wiredResult;
    loading = true;
    errors;
    data;
    findings = [];
    board;
    laneBy = 'rep';
    filters = { teamId: '', tier: '', flag: '', overdueOnly: false };
    moveErrors;
    moveMessage = '';
    mode = 'board';
    // Kept as fields, set once per read: a getter would hand every lane and card new
    // arrays on each render (a focus move too) and re-render them all.
    statuses = [];
    teamOptions = TEAM_OPTIONS_NONE;
    tierOptions = TIER_OPTIONS;
    flagOptions = FLAG_OPTIONS;
    /** The card the board's single tab stop is on (the first card until one is focused). */
    focusedId;
    /** A card moved from the keyboard: focus it again in its new lane once rendered. */
    refocusId;

    connectedCallback() {
        this.startReading();
    }

    startReading() {
        this.pages = new PageCollector(BOARD_CURSORS, BOARD_LIMIT);
        this.loading = true;
        this.variables = this.pages.firstVariables({
            pageSize: BOARD_PAGE_SIZE,
            upperBound: BOARD_LIMIT
        });
    }

    @wire(graphql, { query: '$boardQuery', variables: '$variables' })
    wiredBoard(result) {
        this.wiredResult = result;
        if (result.errors) {
            this.errors = result.errors;
            this.loading = false;
            return;
        }
        const query = result.data?.uiapi?.query;
        if (!query || !this.loading) {
            return;
        }
        const next = this.pages.add(query, this.variables);
        if (next) {
            this.variables = next;
            return;
        }
        this.errors = undefined;
        this.loading = false;
        this.data = boardData(this.pages.records, query);
        this.statuses = statusOrder(this.data.settings);
        this.teamOptions = [
            ...TEAM_OPTIONS_NONE,
            ...this.data.teams.map((t) => ({ label: t.name, value: t.id }))
        ];
        this.findings = boardFindings(
            this.data.leads,
            this.data.users,
            this.data.queues,
            this.data.settings,
            new Date()
        );
        this.rebuild();
    }

    /** Round trips the last load took (the bench reads it). */
    get roundTrips() {
        return this.pages?.roundTrips ?? 0;
    }

    rebuild() {
        if (!this.data) return;
        const team = this.data.teams.find((t) => t.id === this.filters.teamId);
        this.board = buildBoard(
            this.data.leads,
            this.findings,
            this.data.entries.map(lastReviewOf).filter(Boolean),
            this.data.settings,
            new Date(),
            {
                laneBy: this.laneBy,
                ownerNames: this.data.ownerNames,
                filters: {
                    ownerIds: team ? team.repIds : [],
                    tiers: this.filters.tier ? [this.filters.tier] : [],
                    flag: this.filters.flag || null,
                    overdueOnly: this.filters.overdueOnly
                }
            }
        );
    }

    get ready() {
        return Boolean(this.board) && !this.loading;
    }

    get isBoard() {
        return this.mode === 'board';
    }

    get lanes() {
        return this.board?.lanes ?? [];
    }

    get activeId() {
        const lanes = this.lanes;
        if (this.focusedId && lanes.some((l) => l.cards.some((c) => c.id === this.focusedId)))
            return this.focusedId;
        return lanes.find((l) => l.cards.length)?.cards[0].id;
    }

    renderedCallback() {
        if (!this.refocusId) return;
        const leadId = this.refocusId;
        this.refocusId = undefined;
        const laneIndex = this.lanes.findIndex((l) => l.cards.some((c) => c.id === leadId));
        if (laneIndex < 0) return;
        const index = this.lanes[laneIndex].cards.findIndex((c) => c.id === leadId);
        this.laneElements()[laneIndex]?.focusCard(index);
    }

    laneElements() {
        return [...this.template.querySelectorAll('c-review-board-lane')];
    }

    handleCardFocus(event) {
        this.focusedId = event.detail.leadId;
    }

    /** Left and Right from a card: the nearest lane that way with cards, at the same row. */
    handleLaneKey(event) {
        const { laneKey, index, direction } = event.detail;
        const lanes = this.lanes;
        const elements = this.laneElements();
        let at = lanes.findIndex((l) => l.key === laneKey) + direction;
        while (at >= 0 && at < lanes.length) {
            if (elements[at]?.focusRow(index)) return;
            at += direction;
        }
    }

    get droppable() {
        return this.laneBy === 'status';
    }

    get countText() {
        if (!this.board) return '';
        const { shown, hidden } = this.board;
        return `${shown} open leads${hidden ? ` (${hidden} hidden by filters)` : ''}`;
    }

    handleFilterChange(event) {
        const { laneBy, ...filters } = event.detail;
        if (laneBy) this.laneBy = laneBy;
        this.filters = { ...this.filters, ...filters };
        this.rebuild();
    }

    handleRefresh() {
        this.startReading();
        return refreshGraphQL(this.wiredResult);
    }

    handleMeetingMode() {
        this.mode = 'meeting';
    }

    handleBoardMode() {
        this.mode = 'board';
    }

    /** A meeting saved a lead: keep the board's copy in step without a full re-read. */
    handleLeadSaved(event) {
        const { lead, entry } = event.detail;
        if (!this.data) return;
        const leads = this.data.leads.map((l) => (l.id === lead.id ? { ...l, ...lead } : l));
        const entries = entry
            ? [...this.data.entries.filter((e) => e.id !== entry.id), entry]
            : this.data.entries;
        this.data = { ...this.data, leads, entries };
        this.rebuild();
    }

    async handleMoveCard(event) {
        const { leadId, toStatus } = event.detail;
        const lead = this.data?.leads.find((l) => l.id === leadId);
        if (!lead) return;
        const card = {
            name: [lead.firstName, lead.lastName].filter(Boolean).join(' '),
            status: lead.status
        };
        const refused = checkStatusMove(card, toStatus, this.data.settings);
        this.moveErrors = undefined;
        if (refused) {
            this.moveErrors = [{ message: refused }];
            return;
        }
        try {
            const saved = await updateRecord(
                { fields: { Id: leadId, [LEAD_FIELDS.status]: toStatus } },
                lead.lastModifiedDate ? { ifUnmodifiedSince: lead.lastModifiedDate } : undefined
            );
            this.handleLeadSaved({
                detail: {
                    lead: {
                        id: leadId,
                        status: toStatus,
                        lastModifiedDate: saved?.lastModifiedDate ?? lead.lastModifiedDate
                    }
                }
            });
            this.moveMessage = `${card.name} moved to ${toStatus}.`;
            if (this.focusedId === leadId) this.refocusId = leadId;
        } catch (error) {
            const problem = writeProblem(error);
            this.moveErrors =
                problem === 'conflict'
                    ? [
                          {
                              message: `${card.name} was changed by someone else after the board loaded, so it was not moved. Refresh the board to see the change, then move it again.`
                          }
                      ]
                    : problem === 'deleted'
                      ? [
                            {
                                message: `${card.name} was deleted after the board loaded; nothing was moved.`
                            }
                        ]
                      : error;
        }
    }
}
