import { LightningElement } from 'lwc';

/**
 * The funnel page (app page LL_Lead_Funnel): the key numbers and the six stages with
 * the leak at each, read and computed by c-lead-loop-summary.
 */
export default class LeadFunnel extends LightningElement {}
