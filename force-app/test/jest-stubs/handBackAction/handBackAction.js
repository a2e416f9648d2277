import { LightningElement, api } from 'lwc';

/** c-hand-back-action with native controls, so Tab has something to reach in jsdom. */
export default class HandBackAction extends LightningElement {
    @api recordId;
}
