/**
 * Browser implementation of `lightning/actions`: quick action components close their
 * screen by dispatching this event, as on the platform. The shell that renders a
 * quick action listens for `lightning__closeactionscreen` and closes its modal.
 */
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('lightning__closeactionscreen', { bubbles: true, composed: true });
    }
}
