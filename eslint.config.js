import { defineConfig } from 'eslint/config';
import { createRequire } from 'node:module';
import eslintJs from '@eslint/js';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const salesforceLwcConfig = require('@salesforce/eslint-config-lwc/recommended');

export default defineConfig([
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.leadloop/**',
            'browser/dist/**',
            // Generated from core/src (which is linted as TypeScript).
            'force-app/main/default/lwc/leadLoopCore/leadLoopCore.js',
            // jsforce's own test suites and package, vendored unmodified (MIT).
            'localorg/conformance/jsforce/**'
        ]
    },

    // Lightning web components: the platform's own rules.
    {
        files: ['force-app/main/default/lwc/**/*.js'],
        extends: [salesforceLwcConfig]
    },
    {
        files: ['force-app/main/default/lwc/**/*.test.js'],
        extends: [salesforceLwcConfig],
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
        languageOptions: { globals: { ...globals.node, ...globals.jest } }
    },

    // Stub components that jest tests mock child components with.
    {
        files: ['force-app/test/jest-stubs/**/*.js'],
        extends: [salesforceLwcConfig]
    },

    // Browser app shell and browser implementations of the platform modules (issue 5).
    {
        files: ['browser/src/**/*.js'],
        extends: [salesforceLwcConfig],
        languageOptions: { globals: { ...globals.browser } }
    },
    // Unit tests of the browser's platform modules (vitest, against a stub window).
    {
        files: ['browser/test/**/*.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } }
    },

    // Jest mocks of lightning/* modules and shared test helpers.
    {
        files: ['force-app/test/**/*.js', 'jest-sa11y-setup.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: {
            sourceType: 'module',
            globals: {
                ...globals.node,
                ...globals.browser,
                ...jestPlugin.environments.globals.globals
            }
        }
    },

    // TypeScript: core, local org, CLI, browser app, benchmarks, scripts.
    {
        files: ['**/*.ts'],
        extends: [eslintJs.configs.recommended, ...tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    // The core runs inside Lightning too: no platform or Node imports there.
    {
        files: ['core/src/**/*.ts'],
        languageOptions: { globals: {} },
        rules: {
            'no-restricted-imports': [
                'error',
                { patterns: ['node:*', 'lightning/*', '@salesforce/*', 'jsforce', 'fs', 'path'] }
            ],
            'no-restricted-globals': ['error', 'process', 'window', 'document', 'require']
        }
    },

    // Plain JavaScript config files at the root.
    {
        files: ['*.js'],
        extends: [eslintJs.configs.recommended],
        languageOptions: { sourceType: 'module', globals: { ...globals.node } }
    }
]);
