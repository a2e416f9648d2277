/**
 * The one Salesforce API version used everywhere: sfdx-project.json, every
 * metadata file, the CLI and the local org. A workspace test keeps them equal.
 */
export const API_VERSION = '66.0';
