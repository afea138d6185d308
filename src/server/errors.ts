import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { HttpErrorCode } from '../shared/protocol/error-codes.js';

/** An error with a code from the closed union; the one handler below maps it to a status. */
export class AppError extends Error {
  readonly code: HttpErrorCode;
  constructor(code: HttpErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

const statusOf: Record<HttpErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  bad_credentials: 401,
  forbidden: 403,
  not_found: 404,
  client_mismatch: 403,
  mutation_gap: 409,
  payload_too_large: 413,
  protocol_outdated: 426,
  too_many_requests: 429,
  file_unreadable: 400,
  conflict: 409,
  bundle_tampered: 422,
  bundle_wrong_team: 403,
  internal: 500,
};

function describeZod(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Fastify's own errors (bad JSON, too large, wrong content type) become the same shape. */
function fromFastify(error: FastifyError): AppError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('payload_too_large', 'The request body is too large.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', error.message);
  }
  return new AppError('internal', 'Internal server error.');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw, request, reply) => {
    const error =
      raw instanceof AppError
        ? raw
        : raw instanceof ZodError
          ? new AppError('bad_request', describeZod(raw))
          : fromFastify(raw as FastifyError);
    const status = statusOf[error.code];
    if (status >= 500) request.log.error({ err: raw }, 'request failed');
    const wrongMediaType = (raw as FastifyError).statusCode === 415;
    void reply
      .status(wrongMediaType ? 415 : status)
      .send({ error: { code: error.code, message: error.message } });
  });
}

/**
 * Errors Fastify raises before routing (a malformed URL such as `/api/%zz`)
 * get the same `{error:{code,message}}` shape as every other answer.
 */
export function jsonFrameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  request.log.info({ code: error.code }, 'request refused before routing');
  void reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
}

/** Unknown routes answer 404 with the same error shape. */
export function installJsonNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}` } });
  });
}
