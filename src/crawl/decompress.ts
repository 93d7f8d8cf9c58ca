import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** A body as sent with Content-Encoding → its bytes, within a decoded-size cap (a zip bomb stops there). */
export function decompress(wire: Buffer, encoding: string | undefined, maxOutputLength: number): Buffer {
  // SYNC_FLUSH lets a body cut at the size cap still yield what arrived
  const options = { maxOutputLength, finishFlush: constants.Z_SYNC_FLUSH };
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip': case 'x-gzip': return gunzipSync(wire, options);
    // "deflate" is zlib-wrapped by the RFC, but some old servers send it raw
    case 'deflate': return wire[0] === 0x78 ? inflateSync(wire, options) : inflateRawSync(wire, options);
    case 'br': return brotliDecompressSync(wire, { maxOutputLength, finishFlush: constants.BROTLI_OPERATION_FLUSH });
    default: return wire;
  }
}
