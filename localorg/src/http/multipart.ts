/**
 * multipart/form-data bodies (RFC 7578), as the Metadata API's REST deploy
 * receives them: each part's name, file name, content type and bytes.
 */
import { ApiError } from './errors';

export interface Part {
    name: string;
    filename?: string;
    contentType?: string;
    data: Buffer;
}

function malformed(message: string): never {
    throw new ApiError(400, 'INVALID_MULTIPART_REQUEST', message);
}

/** The parts of a multipart body; `contentType` is the request's header (it names the boundary). */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
    const m = /^multipart\/form-data;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!m) malformed('Content-Type must be multipart/form-data with a boundary.');
    const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
    const parts: Part[] = [];
    let at = body.indexOf(delimiter);
    if (at < 0) malformed('The multipart body has no part.');
    for (;;) {
        at += delimiter.length;
        if (body.subarray(at, at + 2).toString() === '--') break;
        const next = body.indexOf(delimiter, at);
        if (next < 0) malformed('The multipart body ends without its closing boundary.');
        // A part is CRLF, headers, CRLF CRLF, data, CRLF (before the next delimiter).
        const part = body.subarray(at + 2, next - 2);
        const split = part.indexOf('\r\n\r\n');
        if (split < 0) malformed('A multipart part has no header section.');
        const headers = part.subarray(0, split).toString('utf8');
        const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
        const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
        if (name === undefined) malformed('A multipart part has no Content-Disposition name.');
        parts.push({
            name,
            filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
            contentType: /content-type:\s*([^\r\n;]*)/i.exec(headers)?.[1]?.trim(),
            data: part.subarray(split + 4)
        });
        at = next;
    }
    return parts;
}
