/**
 * Browser implementation of `lightning/platformShowToastEvent`: the event is
 * dispatched as on the platform; the app shell listens for it on the document
 * and shows an SLDS toast (browser/src/modules/shell/toasts).
 */
export class ShowToastEvent extends CustomEvent {
    constructor(detail) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail });
    }
}
