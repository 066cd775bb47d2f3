import {
  ArgumentMetadata,
  ValidationError as ClassValidatorError,
  ValidationPipe,
} from '@nestjs/common';
import { FieldError, ValidationError } from '../../shared/kernel/validation.error';

function flatten(errors: readonly ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A DTO's compiled check of a request body, for the hottest routes: the
 * instance ValidationPipe would return when the body surely passes every rule
 * of the DTO, else undefined, and ValidationPipe then validates it as for any
 * DTO (and words the errors). It may send a valid body to ValidationPipe, it
 * must never accept one ValidationPipe rejects.
 */
export type CompiledBodyCheck = (body: unknown) => object | undefined;

const compiledChecks = new WeakMap<object, CompiledBodyCheck>();

/** Class decorator: the DTO's bodies are checked by `check` first (see CompiledBodyCheck). */
export function CompiledCheck(check: CompiledBodyCheck): ClassDecorator {
  return (target) => {
    compiledChecks.set(target, check);
  };
}

/** ValidationPipe, with a DTO's compiled check (if it has one) tried first on bodies. */
class CompiledCheckValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const check =
      metadata.type === 'body' && metadata.metatype && compiledChecks.get(metadata.metatype);
    return (check && check(value)) || super.transform(value, metadata);
  }
}

/**
 * Global input validation: unknown fields are rejected, types are not coerced
 * for bodies (query DTOs opt in with @Type), and every failure becomes
 * VALIDATION_FAILED with one entry per field. `compiledChecks: false` leaves
 * out the DTOs' compiled checks (specs compare both).
 */
export function createValidationPipe({ compiledChecks = true } = {}): ValidationPipe {
  const Pipe = compiledChecks ? CompiledCheckValidationPipe : ValidationPipe;
  return new Pipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationError(flatten(errors)),
  });
}
