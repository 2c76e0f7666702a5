/**
 * An error answered to the client the way AWS answers it: a wire error code
 * (`__type` in JSON protocols, `<Code>` in awsQuery), a message and the HTTP
 * status the service model declares for it.
 *
 * @public
 */
export class AwsError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  /** Extra members some error shapes carry (e.g. `NamespaceId`). */
  readonly fields: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    httpStatus = 400,
    fields: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.httpStatus = httpStatus;
    this.fields = fields;
  }
}
