import { gql } from 'lightning/graphql';
import { HANDBACK_READS, graphqlSelection } from 'c/leadLoopCore';

/**
 * The active settings (nurture queue, nurturing status, nurture days per reason) and the
 * org's queues, read with the core's `HANDBACK_READS`.
 */
export const HANDBACK_QUERY = gql`
    query handBackSettings {
        uiapi {
            query {
                LL_Settings__c(where: { LL_Active__c: { eq: true } }, first: 1) {
                    edges {
                        node {
                            ${graphqlSelection(HANDBACK_READS.LL_Settings__c)}
                        }
                    }
                }
                Group(where: { Type: { eq: "Queue" } }, first: 200) {
                    edges {
                        node {
                            ${graphqlSelection(HANDBACK_READS.Group)}
                        }
                    }
                }
            }
        }
    }
`;
