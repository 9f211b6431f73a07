// Which OpenAPI types the client is checked against: the generated schema.d.ts once it exists.
export type { paths } from './paths.manual';
