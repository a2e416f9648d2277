import { gql } from 'lightning/graphql';
import { NURTURE_QUEUE_READS, graphqlEdges } from 'c/leadLoopCore';

const nodes = (object) => graphqlEdges(NURTURE_QUEUE_READS[object]);

/**
 * One page ($after) of handed-back open leads, oldest hand-back first, with the active
 * settings, the queues and the users a return can go to, read with the core's
 * `NURTURE_QUEUE_READS` (as `leadloop handback list` reads them).
 */
export const NURTURE_QUEUE_QUERY = gql`
    query nurtureQueue($after: String) {
        uiapi {
            query {
                Lead(
                    where: {
                        IsConverted: { eq: false }
                        LL_Handed_Back_At__c: { ne: null }
                    }
                    orderBy: { LL_Handed_Back_At__c: { order: ASC } }
                    first: 200
                    after: $after
                ) {
                    ${nodes('Lead')}
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                LL_Settings__c(where: { LL_Active__c: { eq: true } }, first: 1) {
                    ${nodes('LL_Settings__c')}
                }
                Group(where: { Type: { eq: "Queue" } }, first: 200) {
                    ${nodes('Group')}
                }
                User(first: 2000, upperBound: 10000) {
                    ${nodes('User')}
                }
            }
        }
    }
`;
