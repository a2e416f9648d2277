/**
 * Lead scoring: fit grade × decaying engagement → tier, explained, with the model as
 * versioned data (LL_Scoring_Model__c).
 */
export * from './model';
export * from './score';
export * from './changes';
export * from './validate';
export * from './versions';
export * from './preview';
export * from './records';
export * from './form';
