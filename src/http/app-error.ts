/**
 * The one error type routes throw on purpose. `messageKey` is an i18n key whose text is safe to show users;
 * anything else that reaches the error handler is logged and shown as a generic 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
  }

  static notFound(): AppError {
    return new AppError(404, 'errors.notFound');
  }

  static badRequest(messageKey = 'errors.badRequest', params: Record<string, unknown> = {}): AppError {
    return new AppError(400, messageKey, params);
  }
}
