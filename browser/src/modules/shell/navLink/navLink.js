import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';

/**
 * A link to a page reference, as Lightning components write one: the href comes
 * from [GenerateUrl] (so a middle-click, a modified click or "copy link" gets the
 * real URL) and a plain click navigates in place with [Navigate].
 */
export default class NavLink extends NavigationMixin(LightningElement) {
    @api linkClass;
    /** aria-current of the link ("page" for the current tab). */
    @api current;
    url;
    ref;

    @api
    get pageReference() {
        return this.ref;
    }
    set pageReference(value) {
        this.ref = value;
        this[NavigationMixin.GenerateUrl](value).then((url) => {
            if (this.ref === value) this.url = url;
        });
    }

    handleClick(event) {
        const modified =
            event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (modified || !this.ref) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](this.ref);
    }
}
