// Points of contact as STIX 2.1: one `identity` per person with the OASIS identity contact-information extension, and their `email-addr`.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Contact } from './contacts.js';

/** The OASIS extension definition for contact information on identities (cti-stix-common-objects). */
export const CONTACT_EXTENSION = 'extension-definition--66e2492a-bbd3-4be6-88f5-cc91a017a498';
/** STIX 2.1 namespace for deterministic SCO ids (section 2.9). */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Vigil's namespace for identities of points of contact: the same contact always has the same id. */
const VIGIL_NAMESPACE = '3f0c6a44-2b0e-5d6a-9a57-7c1d0b5e2c11';

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const emailId = (address: string) => `email-addr--${uuidv5(canonicalJson({ value: address }), SCO_NAMESPACE)}`;

function contactText(c: Contact): string {
  const parts = [`${c.organisation}${c.role ? ` (${c.role})` : ''}`, `State: ${c.state.toUpperCase()}`, `${c.kind} point of contact`];
  for (const ch of c.channels) parts.push(`${ch.type}: ${ch.value} (${ch.hours})`);
  for (const a of c.alternates) parts.push(`alternate: ${[a.name, a.email, a.phone].filter(Boolean).join(', ')}`);
  if (c.languages.length) parts.push(`languages: ${c.languages.join(', ')}`);
  if (c.timeZone) parts.push(`time zone: ${c.timeZone}`);
  return parts.join('; ');
}

/** A STIX 2.1 bundle of the given contacts. */
export function contactsBundle(contacts: readonly Contact[], bundleSeed: string): Record<string, unknown> {
  const objects: Record<string, unknown>[] = [];
  const emails = new Set<string>();
  for (const c of contacts) {
    const addresses = [c.email, ...c.alternates.map((a) => a.email).filter((e): e is string => !!e)];
    for (const a of addresses) {
      if (emails.has(a)) continue;
      emails.add(a);
      objects.push({ type: 'email-addr', spec_version: '2.1', id: emailId(a), value: a });
    }
    const phones = [c.phone, ...c.channels.filter((ch) => /phone|tel|fax/i.test(ch.type)).map((ch) => ch.value)].filter((p): p is string => !!p);
    objects.push({
      type: 'identity',
      spec_version: '2.1',
      id: `identity--${uuidv5(c.id, VIGIL_NAMESPACE)}`,
      created: c.createdAt,
      modified: c.updatedAt,
      name: c.name,
      identity_class: 'individual',
      roles: [`${c.kind}-point-of-contact`, ...(c.role ? [c.role] : [])],
      sectors: ['government-national'],
      contact_information: contactText(c),
      extensions: {
        [CONTACT_EXTENSION]: {
          extension_type: 'property-extension',
          // STIX forbids empty lists: a list is left out when there is nothing to put in it.
          ...(phones.length ? { contact_numbers: [...new Set(phones)].map((p) => ({ contact_number_type: 'work-phone', contact_number: p })) } : {}),
          email_addresses: addresses.map((a, i) => ({
            digital_contact_type: 'work',
            email_address_ref: emailId(a),
            ...(i > 0 ? { description: 'alternate' } : {}),
          })),
        },
      },
      x_vigil_state: c.state,
      x_vigil_kind: c.kind,
      ...(c.languages.length ? { x_vigil_languages: c.languages } : {}),
      x_vigil_version: c.version,
      ...(c.lastVerifiedAt ? { x_vigil_last_verified: c.lastVerifiedAt } : {}),
    });
  }
  return { type: 'bundle', id: `bundle--${uuidv5(bundleSeed, VIGIL_NAMESPACE)}`, objects };
}
