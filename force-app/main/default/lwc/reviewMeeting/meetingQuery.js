import { gql } from 'lightning/graphql';
import { MEETING_READS, graphqlSelection } from 'c/leadLoopCore';

/** The latest review meetings (to resume one, and for the summary's trend). */
export const MEETING_QUERY = gql`
    query reviewMeeting {
        uiapi {
            query {
                LL_Review_Meeting__c(
                    first: 200
                    orderBy: { LL_Meeting_Date__c: { order: DESC }, CreatedDate: { order: DESC } }
                ) {
                    edges {
                        node {
                            ${graphqlSelection(MEETING_READS.LL_Review_Meeting__c)}
                        }
                    }
                }
            }
        }
    }
`;
