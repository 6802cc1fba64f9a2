/*
 * Vitest's jsdom environment replaces the global ArrayBuffer and Uint8Array with jsdom's, which
 * Node's WebCrypto rejects ("2nd argument is not instance of ArrayBuffer", vitest-dev/vitest#5365).
 * @hpke/core allocates plain ArrayBuffers, so sealing an envelope in a jsdom test fails without
 * this. A browser has one realm; restoring Node's constructors gives tests the same.
 */
const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor
const NodeArrayBuffer = Buffer.alloc(0).buffer.constructor as ArrayBufferConstructor

if (globalThis.ArrayBuffer !== NodeArrayBuffer) globalThis.ArrayBuffer = NodeArrayBuffer
if (globalThis.Uint8Array !== NodeUint8Array) globalThis.Uint8Array = NodeUint8Array
