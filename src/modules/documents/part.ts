// One part of the documents module (MRZ, trust store, lost/stolen registry, document check): what it adds to the descriptor.
import type { ModuleDescriptor } from '../../platform/module.js';

export type DocumentsPart = Pick<ModuleDescriptor, 'migrations' | 'routes' | 'commands' | 'jobs' | 'consumers' | 'nav' | 'messages' | 'demo'>;
