import { type ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Refuses a string holding U+0000 (400 through the validation pipe). PostgreSQL `text` cannot store or compare NUL,
 * so such a value would otherwise reach the database and fail as a 500. Non-strings pass (other decorators type-check
 * them); with `{ each: true }` every element of an array is checked.
 */
export function HasNoNulCharacters(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'hasNoNulCharacters',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not contain NUL (U+0000) characters', ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
      },
    });
  };
}
