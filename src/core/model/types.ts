// FollowTheMoney entities as Vigil holds them: the JSON shape of OpenSanctions and Aleph.
export interface EntityData {
  /** Stable id: derived from the source's own record id for listed data (`un-QDi.430`, `ofac-12345`). */
  id: string;
  /** FtM schema name, e.g. `Person`, `Organization`, `Sanction`, `Address`, `Passport`. */
  schema: string;
  /** FtM property name to its values; every value is a string (dates ISO 8601 with their precision, countries ISO alpha-2 lower case). */
  properties: Record<string, string[]>;
}
