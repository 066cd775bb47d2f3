import { NotFoundError } from '../../shared/kernel/not-found.error';
import { ValidationError } from '../../shared/kernel/validation.error';
import { clientErrorResponse, frameworkError } from './framework-errors';

const coded = (code: string): Error & { code: string } => Object.assign(new Error(code), { code });

function parse(raw: string): { statusLine: string; headers: string; body: unknown } {
  const [head, body] = raw.split('\r\n\r\n') as [string, string];
  const [statusLine, ...headers] = head.split('\r\n');
  return { statusLine: statusLine!, headers: headers.join('\n'), body: JSON.parse(body) };
}

describe(frameworkError.name, () => {
  it('turns a path parameter over maxParamLength into NOT_FOUND', () => {
    expect(frameworkError(coded('FST_ERR_MAX_PARAM_LENGTH'))).toBeInstanceOf(NotFoundError);
  });

  it('turns a path that is not percent-encoded UTF-8 into VALIDATION_FAILED on `path`', () => {
    const error = frameworkError(coded('FST_ERR_BAD_URL'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors[0]?.field).toBe('path');
  });

  it('leaves any other error to the problem mapping', () => {
    const other = coded('FST_ERR_ASYNC_CONSTRAINT');
    expect(frameworkError(other)).toBe(other);
  });
});

describe(clientErrorResponse.name, () => {
  it.each([
    [
      'HPE_HEADER_OVERFLOW',
      'HTTP/1.1 431 Request Header Fields Too Large',
      'REQUEST_HEADERS_TOO_LARGE',
    ],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 'HTTP/1.1 400 Bad Request', 'VALIDATION_FAILED'],
  ])('answers %s with a complete problem+json response', (code, statusLine, problemCode) => {
    const raw = clientErrorResponse(coded(code));
    const response = parse(raw);

    expect(response.statusLine).toBe(statusLine);
    expect(response.headers).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(response.headers).toContain('Connection: close');
    expect(response.body).toMatchObject({
      code: problemCode,
      status: Number(statusLine.split(' ')[1]),
    });
    const length = Number(/Content-Length: (\d+)/.exec(response.headers)?.[1]);
    expect(length).toBe(Buffer.byteLength(raw.split('\r\n\r\n')[1]!));
  });
});
