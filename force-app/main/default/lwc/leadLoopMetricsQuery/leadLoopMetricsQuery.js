import { gql } from 'lightning/graphql';
import {
    FUNNEL_AGGREGATE_QUERIES,
    FUNNEL_READS,
    graphqlSelection,
    REPORT_IDS_QUERY
} from 'c/leadLoopCore';

/** The active settings (status mapping, dead-lead days), read with the core's `FUNNEL_READS`. */
export const FUNNEL_SETTINGS_QUERY = gql`
    query leadLoopFunnelSettings {
        uiapi {
            query {
                LL_Settings__c(where: { LL_Active__c: { eq: true } }, first: 1) {
                    edges {
                        node {
                            ${graphqlSelection(FUNNEL_READS.LL_Settings__c)}
                        }
                    }
                }
            }
        }
    }
`;

/**
 * The funnel's lead counts as GraphQL aggregates (the core's partitions), never every
 * lead: one document per request, each within the platform's 10 subqueries per query.
 */
export const FUNNEL_QUERIES = FUNNEL_AGGREGATE_QUERIES.map(
    (query) => gql`
        ${query}
    `
);

/** The ids of the reports the numbers link to, by DeveloperName. */
export const REPORT_IDS = gql`
    ${REPORT_IDS_QUERY}
`;
