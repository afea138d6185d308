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
  'task_full',
  'task_closed',
  'task_already_claimed',
  'assignee_invalid',
  // rejections: shifts and duty (issue 6)
  'move_precondition_failed',
  'no_longer_assigned',
  'already_assigned',
  'already_on_break',
  'not_on_break',
  'swap_needs_same_slot',
  'volunteer_not_on_site',
  'post_closed',
  'slot_closed',
  'slot_exists',
  'slot_times_changed',
  'already_checked_in',
  'not_checked_in',
  // rejections: sampling station (issue 4)
  'tube_full',
  'tube_closed',
  'tube_code_invalid',
  'sample_bound',
  'registration_voided',
  'binding_undone',
  'not_duplicate',
  'duplicate_resolved',
  'no_id_reason',
  // rejections: coverage and administration (issue 8)
  // an unexpected server fault on one change (issue 13 point 1); the phone also uses it for a change it held back
  'internal',
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
  // coverage and administration (issue 8): an import file that cannot be read; a clash with stored data
  'file_unreadable',
  'conflict',
  // hand-over (issue 16): a bundle changed after sealing (or not signed by its giver); another team's
  'bundle_tampered',
  'bundle_wrong_team',
  'internal',
] as const;
export type HttpErrorCode = (typeof httpErrorCodes)[number];
