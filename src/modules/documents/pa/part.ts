// The pa part of the documents module.
import type { DocumentsPart } from '../part.js';

export const paPart: DocumentsPart = {};
