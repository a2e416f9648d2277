import { LightningElement, api } from 'lwc';

const REASSIGN_MODES = [
    { label: 'Round-robin over active reps', value: 'round-robin' },
    { label: 'A user', value: 'user' },
    { label: 'A queue', value: 'queue' }
];

const TITLES = {
    reassign: 'Reassign these leads',
    close: 'Close these leads',
    'merge-duplicate': 'Close these duplicates in favour of a master',
    'mark-moved-on': 'Mark these leads as moved on'
};

/**
 * Chooses how to fix the leads of a check (the kind its findings suggest) and asks for a
 * preview: sends `preview` ({ mode, toId, cap, masterId }) up; the container plans it.
 */
export default class HygieneFixPanel extends LightningElement {
    /** The fix kind: reassign, close, merge-duplicate or mark-moved-on. */
    @api kind;
    /** Active users, [{ id, name }]. */
    @api users = [];
    /** Queues, [{ id, name }]. */
    @api queues = [];
    /** The leads a master can be chosen from, [{ id, name }]. */
    @api leads = [];
    /** The status closing writes (from the settings). */
    @api closeStatus;
    @api disabled = false;

    mode = 'round-robin';
    toId = null;
    cap = null;
    masterId = null;

    get title() {
        return TITLES[this.kind] ?? 'Fix these leads';
    }

    get isReassign() {
        return this.kind === 'reassign';
    }

    get isClose() {
        return this.kind === 'close' || this.kind === 'merge-duplicate';
    }

    get isMerge() {
        return this.kind === 'merge-duplicate';
    }

    get modes() {
        return REASSIGN_MODES;
    }

    get isRoundRobin() {
        return this.mode === 'round-robin';
    }

    get isUser() {
        return this.mode === 'user';
    }

    get isQueue() {
        return this.mode === 'queue';
    }

    get userOptions() {
        return (this.users ?? []).map((u) => ({ label: u.name, value: u.id }));
    }

    get queueOptions() {
        return (this.queues ?? []).map((q) => ({ label: q.name, value: q.id }));
    }

    get masterOptions() {
        return [
            { label: 'The suggested master of each group', value: '' },
            ...(this.leads ?? []).map((l) => ({ label: l.name, value: l.id }))
        ];
    }

    get closeText() {
        return `Leads are closed with the status "${this.closeStatus ?? 'not set'}".`;
    }

    get previewDisabled() {
        return this.disabled || (this.isReassign && !this.isRoundRobin && !this.toId);
    }

    handleMode(event) {
        this.mode = event.detail.value;
        this.toId = null;
    }

    handleTo(event) {
        this.toId = event.detail.value || null;
    }

    handleCap(event) {
        const value = event.detail.value;
        this.cap = value === '' || value === null || value === undefined ? null : Number(value);
    }

    handleMaster(event) {
        this.masterId = event.detail.value || null;
    }

    handlePreview() {
        this.dispatchEvent(
            new CustomEvent('preview', {
                detail: {
                    mode: this.mode,
                    toId: this.toId,
                    cap: this.cap,
                    masterId: this.masterId
                }
            })
        );
    }
}
