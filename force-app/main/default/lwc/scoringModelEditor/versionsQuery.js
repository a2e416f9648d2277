import { gql } from 'lightning/graphql';
import { SCORING_MODEL, SCORING_MODEL_READS, graphqlSelection } from 'c/leadLoopCore';

/** Every version of the scoring model, newest first, read with the core's `SCORING_MODEL_READS`. */
export const VERSIONS_QUERY = gql`
    query scoringModelVersions {
        uiapi {
            query {
                LL_Scoring_Model__c(first: 200, orderBy: { LL_Version__c: { order: DESC } }) {
                    edges {
                        node {
                            ${graphqlSelection(SCORING_MODEL_READS[SCORING_MODEL.objectApiName])}
                        }
                    }
                }
            }
        }
    }
`;
