import { gql } from 'lightning/graphql';
import { FUNNEL_AGGREGATE_QUERY, FUNNEL_READS, graphqlSelection } from 'c/leadLoopCore';

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

/** The funnel's lead counts as GraphQL aggregates (the core's partitions), never every lead. */
export const FUNNEL_QUERY = gql`
    ${FUNNEL_AGGREGATE_QUERY}
`;
