// Raw EDIFACT bytes to text: the UNB syntax identifier says the character set (UNOA/UNOB ASCII, UNOC-UNOK ISO 8859, UNOW/UNOY UTF-8).
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function decodeEdifact(raw: Uint8Array): string {
  const head = latin1.decode(raw.subarray(0, 256));
  const syntax = /UNB.(UNO[A-Z])/.exec(head)?.[1];
  if (syntax && syntax >= 'UNOC' && syntax <= 'UNOK') return latin1.decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    // Not UTF-8 although it claims to be (or says nothing): Latin-1 keeps every byte readable.
    return latin1.decode(raw);
  }
}
