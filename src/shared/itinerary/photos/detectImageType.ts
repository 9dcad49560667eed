/** Bytes needed from the start of a file to recognise the image types we accept. */
export const IMAGE_SNIFF_BYTES = 16;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/**
 * The image type a file really is, from its first bytes (the declared content type is only a
 * claim): JPEG `FF D8 FF`, PNG's 8-byte signature, WebP `RIFF….WEBP`, HEIC an ISO-BMFF `ftyp` box
 * with a HEIF brand. Hand-written because four fixed signatures do not justify a dependency.
 */
export function detectImageType(head: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(8, 12))) return 'image/heic';
  return undefined;
}
