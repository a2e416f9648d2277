/**
 * lightning/actions for jest (sfdx-lwc-jest ships no stub): a real event, so tests can
 * listen for the quick action closing.
 */
export const CloseActionScreenEventName = 'lightning__closeactionscreen';

export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super(CloseActionScreenEventName, { bubbles: true, composed: true });
    }
}
