/** The value of `AppError.provider` for errors each client raises. */
export type ProviderName = 'kakao' | 'google';
