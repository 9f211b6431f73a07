// The lost part of the documents module.
import type { DocumentsPart } from '../part.js';

export const lostPart: DocumentsPart = {};
