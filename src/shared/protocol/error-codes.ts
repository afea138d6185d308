/**
 * Why a pushed mutation was rejected. A closed union: the phone turns each code
 * into a sentence in zh-CN or en (`rejection.<code>` in the i18n resources).
 */
export const rejectionCodes = [
  'invalid_args',
  'unknown_mutation',
  'forbidden_site',
  'forbidden_role',
  'not_found',
  'id_taken',
  'id_number_invalid',
  'phone_invalid',
  'resident_exists',
  'queue_number_taken',
  'campaign_closed',
  // rejections: door-knocking and tasks (issue 5)
  // rejections: shifts and duty (issue 6)
  // rejections: sampling station (issue 4)
  // rejections: coverage and administration (issue 8)
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/** Why an HTTP request failed. One error handler on the server maps these to statuses. */
export const httpErrorCodes = [
  'bad_request',
  'unauthorized',
  'bad_credentials',
  'forbidden',
  'not_found',
  'payload_too_large',
  'too_many_requests',
  'client_mismatch',
  'mutation_gap',
  'protocol_outdated',
  'internal',
] as const;
export type HttpErrorCode = (typeof httpErrorCodes)[number];
