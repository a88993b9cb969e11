import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Fills the code in from the SMS where the WebOTP API exists; elsewhere nothing happens. One
 * request at a time: a new one, `stop()` and the element leaving the page abort the one waiting,
 * so a removed dialog leaves no credential request behind.
 */
export class SmsCodeController implements ReactiveController {
  #request: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Asks the browser for the code of the next SMS and hands it to `onCode`. */
  listen(onCode: (code: string) => void): void {
    this.stop();
    if (!('OTPCredential' in window) || !navigator.credentials) return;
    const request = new AbortController();
    this.#request = request;
    const options = { otp: { transport: ['sms'] }, signal: request.signal } as CredentialRequestOptions;
    navigator.credentials.get(options).then(
      (credential) => {
        if (!request.signal.aborted && credential && 'code' in credential) onCode(String(credential.code));
      },
      () => undefined,
    );
  }

  stop(): void {
    this.#request?.abort();
    this.#request = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
