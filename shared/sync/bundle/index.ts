/** The .otk bundle codec (docs/bundle-format.md). */
export { BUNDLE_ERROR_CODES, BundleError, isBundleError, type BundleErrorCode } from './errors';
export { FORMAT_VERSION, DEFAULT_CHUNK_BYTES, type BundleEntry } from './format';
export { bundleHeaderSchema, recipientSchema, type BundleHeader, type KdfParams, type Recipient } from './header';
export { DEFAULT_KDF_ITERATIONS, KDF_ID, MIN_KDF_ITERATIONS } from './kdf-params';
export { deriveBundleKey, type BundleKey, type DeriveOptions } from './kdf';
export { encodeBundle, type BundleInput, type EncodedBundle, type EncodeOptions } from './encode';
export { decodeBundle, readBundleHeader, type DecodeExpectations, type DecodedBundle } from './decode';
export { collectEntries } from './collect';
export { encodeEntryLines, isEncodedEntries, type EncodedEntries, type EntryItem, type EntrySource } from './payload';
