/** Letters and digits that cannot be misread when a coordinator reads them out to a volunteer. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random 10-character password (crypto randomness), for "reset password" in one tap. */
export function generatePassword(length = 10): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 is not a multiple of 31: the tiny bias does not matter for a first password.
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
