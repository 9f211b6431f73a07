// The check part of the documents module.
import type { DocumentsPart } from '../part.js';

export const checkPart: DocumentsPart = {};
