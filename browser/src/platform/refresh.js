/** Browser implementation of `lightning/refresh`: the shell re-renders the page. */
export class RefreshEvent extends CustomEvent {
    constructor() {
        super('lightning__refresh', { bubbles: true, composed: true });
    }
}
export function registerRefreshHandler() {
    return 0;
}
export function unregisterRefreshHandler() {}
