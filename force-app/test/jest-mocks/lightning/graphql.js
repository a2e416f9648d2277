/**
 * lightning/graphql for jest: the sfdx-lwc-jest stub exports only the `graphql`
 * wire adapter and `gql`; Lead Loop also writes with `executeMutation` and
 * refreshes with `refreshGraphQL`.
 */
export { graphql, gql } from '@salesforce/sfdx-lwc-jest/src/lightning-stubs/graphql/graphql';

export const executeMutation = jest.fn().mockResolvedValue({ data: {}, errors: undefined });
export const refreshGraphQL = jest.fn().mockResolvedValue(undefined);
