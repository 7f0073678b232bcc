import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, fieldMessage } from '../../../../../renderer/src/features/session/issues';
import { fieldStatus } from '../../../../../renderer/src/features/session/useGateForm';
import { ValidationError } from '../../../../../renderer/src/access/errors';

describe('the gate forms’ field issues', () => {
  const errors = fieldErrorsOf(
    new ValidationError([
      { path: 'name', message: 'validation.required' },
      { path: 'requester.email', message: 'validation.email' },
      { path: 'requester.email', message: 'validation.tooLong' },
      { path: 'requester.phone', message: 'validation.contactRequired' },
      { path: '', message: 'validation.invalid' },
    ]),
  );

  it('nests dotted paths as the error summary reads them, the first issue of a field winning', () => {
    expect(errors).toEqual({
      name: { type: 'command', message: 'validation.required' },
      requester: { email: { type: 'command', message: 'validation.email' }, phone: { type: 'command', message: 'validation.contactRequired' } },
      form: { type: 'command', message: 'validation.invalid' },
    });
    expect(fieldMessage(errors, 'requester.email')).toBe('validation.email');
    expect(fieldMessage(errors, 'requester.name')).toBeUndefined();
    expect(fieldMessage(null, 'name')).toBeUndefined();
  });

  it('gives a field its error status by the same dotted path', () => {
    expect(fieldStatus(errors, 'requester.phone', (key) => `<${key}>`)).toEqual({ status: 'error', statusText: '<validation.contactRequired>' });
    expect(fieldStatus(errors, 'requester', (key) => key)).toEqual({});
  });

  it('is null for anything but a validation error', () => {
    expect(fieldErrorsOf(new Error('x'))).toBeNull();
  });
});
