// Types of build-state.mjs (a plain script, run by `npm start` before anything is built).
export declare const builtServer: (root: string) => string;
export declare function buildIsStale(root: string): boolean;
