/** `1:40`: a countdown past a minute, as both locales write it. */
export const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** A wait in whole seconds, at least one (`undefined` reads as one second). */
export const wholeSeconds = (ms: number | undefined): number => Math.max(1, Math.ceil((ms ?? 1000) / 1000));

/** `hws.service.type.ec2` → `EC2`: a service type the kit has no name for, by its short code. */
export const serviceCode = (code: string): string => code.replace(/^hws\.service\.type\./i, '').toUpperCase();
