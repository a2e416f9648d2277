/**
 * Entry point of the browser build: synthetic shadow (as on the platform), the
 * session with the local org, then the app shell.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { loadSession } from './platform/session';
import App from 'shell/app';

loadSession()
    .catch((e) => {
        window.__leadloopSessionError = e.message;
    })
    .finally(() => {
        const app = createElement('shell-app', { is: App });
        // eslint-disable-next-line @lwc/lwc/no-document-query -- the entry point mounts the app
        document.getElementById('main').appendChild(app);
    });
