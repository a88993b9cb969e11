import { KitError } from '../../src/model/errors.js';

/** Awaits a call that must fail and returns its `KitError`; a success or any other error fails the test. */
export async function failure(promise: Promise<unknown>): Promise<KitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KitError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
