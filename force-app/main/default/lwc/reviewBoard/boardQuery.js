import { gql } from 'lightning/graphql';
import { BOARD_READS, graphqlEdges } from 'c/leadLoopCore';

/** With upperBound, GraphQL wants a page of 200–2,000: the board reads 2,000 a round trip. */
export const BOARD_PAGE_SIZE = 2000;
/** Leads and review entries read at most (entries newest first: the latest reviews). */
export const BOARD_LIMIT = 20000;
/** Connections read page by page → their cursor variable. */
export const BOARD_CURSORS = { Lead: 'leadAfter', LL_Review_Entry__c: 'entryAfter' };

const node = (object) => graphqlEdges(BOARD_READS[object]);
const pageInfo = 'pageInfo { hasNextPage endCursor }';

/**
 * Open leads and review entries, 2,000 of each per round trip, with the users (names,
 * teams), queues and the active settings on the same trip.
 */
export const BOARD_QUERY = gql`
    query reviewBoard($leadAfter: String, $entryAfter: String, $pageSize: Int, $upperBound: Int) {
        uiapi {
            query {
                Lead(
                    first: $pageSize
                    after: $leadAfter
                    upperBound: $upperBound
                    where: { IsConverted: { eq: false } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    ${node('Lead')}
                    ${pageInfo}
                }
                LL_Review_Entry__c(
                    first: $pageSize
                    after: $entryAfter
                    upperBound: $upperBound
                    orderBy: { LL_Reviewed_At__c: { order: DESC, nulls: LAST } }
                ) {
                    ${node('LL_Review_Entry__c')}
                    ${pageInfo}
                }
                User(first: 2000, orderBy: { Name: { order: ASC } }) {
                    ${node('User')}
                }
                Group(first: 2000, where: { Type: { eq: "Queue" } }) {
                    ${node('Group')}
                }
                LL_Settings__c(first: 1, where: { LL_Active__c: { eq: true } }) {
                    ${node('LL_Settings__c')}
                }
            }
        }
    }
`;
