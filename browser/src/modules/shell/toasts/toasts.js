import { LightningElement, track } from 'lwc';

const ICONS = {
    success: 'utility:success',
    error: 'utility:error',
    warning: 'utility:warning',
    info: 'utility:info'
};

/** Shows lightning/platformShowToastEvent toasts as SLDS toasts. */
export default class Toasts extends LightningElement {
    @track toasts = [];
    nextId = 1;

    connectedCallback() {
        this.onToast = (event) => this.show(event.detail ?? {});
        document.addEventListener('lightning__showtoast', this.onToast);
    }

    disconnectedCallback() {
        document.removeEventListener('lightning__showtoast', this.onToast);
    }

    show({ title, message, variant = 'info', mode = 'dismissible', messageData }) {
        const id = this.nextId++;
        let text = message ?? '';
        if (Array.isArray(messageData)) {
            text = text.replace(/\{(\d+)\}/g, (m, i) => {
                const d = messageData[Number(i)];
                return d === undefined ? m : typeof d === 'object' ? (d.label ?? '') : String(d);
            });
        }
        const v = ICONS[variant] ? variant : 'info';
        this.toasts = [
            ...this.toasts,
            {
                id,
                title,
                message: text,
                icon: ICONS[v],
                className: `slds-notify slds-notify_toast slds-theme_${v}`
            }
        ];
        if (mode !== 'sticky') {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            setTimeout(() => this.close(id), v === 'error' ? 10000 : 5000);
        }
    }

    close(id) {
        this.toasts = this.toasts.filter((t) => t.id !== id);
    }

    handleClose(event) {
        this.close(Number(event.currentTarget.dataset.id));
    }
}
