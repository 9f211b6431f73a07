// The mrz part of the documents module.
import type { DocumentsPart } from '../part.js';

export const mrzPart: DocumentsPart = {};
