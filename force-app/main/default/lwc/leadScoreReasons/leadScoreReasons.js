import { LightningElement, api } from 'lwc';
import { parseReasons } from 'c/leadLoopCore';

/** "Why this score": the reasons stored with a lead's score, with their points. */
export default class LeadScoreReasons extends LightningElement {
    /** The stored reasons (LL_Score_Reasons__c: JSON text, as the scorer writes it). */
    @api reasons;

    get items() {
        return parseReasons(this.reasons).map((reason, index) => ({
            key: `${reason.id}-${index}`,
            text: reason.text || reason.label,
            points: reason.points > 0 ? `+${reason.points}` : String(reason.points),
            pointsClass:
                reason.points >= 0
                    ? 'slds-text-color_success slds-text-title_bold'
                    : 'slds-text-color_error slds-text-title_bold'
        }));
    }

    get hasItems() {
        return this.items.length > 0;
    }
}
